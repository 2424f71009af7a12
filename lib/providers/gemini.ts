import { isWrapped, rawHttpRequestSchema, type Envelope } from "@/lib/model/envelope";
import type { Exchange, ResponseInfo } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { isRecord } from "./fast-read";
import { geminiRequestContent } from "./gemini-request";
import { geminiError, geminiMessageResponse } from "./gemini-response";
import { geminiInferenceRequestSchema, isRestResponse } from "./gemini-schemas";
import { isErrorStatus } from "./http-error";
import { httpCall } from "./openai-http";
import { requestBasics } from "./request-info";
import { looksLikeSseText } from "./sse-text";

/** A plain (not `__type__`-wrapped) `GenerateContentResponse`-shaped object. */
function looksLikeGenerateContent(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value) || isWrapped(value)) return false;
  return (
    "candidates" in value ||
    "usage_metadata" in value ||
    "usageMetadata" in value ||
    "sdk_http_response" in value
  );
}

/**
 * `…/models/{model}:generateContent` and `:streamGenerateContent`, on the Gemini API
 * (`/v1beta/models/{m}`) and on Vertex (`/v1/projects/{p}/locations/{l}/publishers/google/models/{m}`);
 * the model is the path segment before the method.
 */
const GENERATE_PATH = /\/models\/([^/:]+):(?:stream)?[gG]enerateContent$/;

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== "object" || value === null || !(key in value)) return null;
  const field: unknown = Reflect.get(value, key);
  return typeof field === "string" ? field : null;
}

/** The model named by a generateContent URL, or null. */
function modelFromUrl(url: string): string | null {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  const match = GENERATE_PATH.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The request as the SDK recorder writes it (`body`), or as an HTTP recording does (`payload`). */
function readRequest(request: Record<string, unknown>) {
  if (!("body" in request) && "payload" in request) {
    const raw = parseAt(rawHttpRequestSchema, request, "request");
    const content = geminiRequestContent(raw.payload, "request.payload");
    return {
      basics: requestBasics(raw.method, raw.url, null),
      content,
      body: raw.payload,
      requestModel: modelFromUrl(raw.url),
      meta: null,
      http: true,
    };
  }
  const parsed = parseAt(geminiInferenceRequestSchema, request, "request");
  const content = geminiRequestContent(parsed.body, "request.body");
  return {
    basics: requestBasics(parsed.method, parsed.url, parsed.endpoint),
    content,
    body: parsed.body,
    requestModel: parsed.model ?? null,
    meta: parsed.provider_metadata ?? null,
    http: false,
  };
}

/** True when the body of an HTTP call to a generateContent URL is one the decoder reads. */
function isGenerateContentBody(body: unknown): boolean {
  if (Array.isArray(body)) return body.every(isRecord);
  return looksLikeSseText(body) || isRecord(body);
}

/**
 * Gemini and Vertex AI `generateContent` / `streamGenerateContent`: google-genai SDK dumps in
 * llama-stack (plain snake_case objects with `candidates`, `usage_metadata`, `sdk_http_response`),
 * and the REST calls HTTP cassettes hold (camelCase JSON, a JSON-array stream, `?alt=sse` SSE text,
 * `{error: {code, message, status}}` replies). Claimed by body shape, and by the generateContent
 * URL path for cassettes' streams and errors.
 */
export const geminiDecoder: Decoder = {
  family: "gemini",

  claims(envelope: Envelope): boolean {
    const body = envelope.response.body;
    if (envelope.origin !== "http")
      return Array.isArray(body)
        ? body.length > 0 && looksLikeGenerateContent(body[0])
        : looksLikeGenerateContent(body);
    // Cassettes: only generateContent calls (cachedContents and embedContent bodies also carry `usageMetadata`).
    const call = httpCall(envelope);
    if (call === null || !GENERATE_PATH.test(call.path)) return false;
    return isErrorStatus(call.status) || isGenerateContentBody(body);
  },

  decode(envelope: Envelope): Exchange {
    const { basics, content, body, requestModel, meta, http } = readRequest(envelope.request);
    const status = envelope.response.status ?? null;
    const responseBody = envelope.response.body;
    let response: ResponseInfo;
    let notes: string[] = [];
    if (envelope.origin === "http" && isErrorStatus(status)) {
      response = { type: "error", error: geminiError(responseBody, status) };
    } else {
      const first: unknown = Array.isArray(responseBody) ? responseBody[0] : responseBody;
      const rest = http || typeof responseBody === "string" || isRestResponse(first);
      ({ response, notes } = geminiMessageResponse(responseBody, rest));
      if (response.type === "error") response = { type: "error", error: { ...response.error, status } };
    }
    return {
      family: "gemini",
      kind: "generate-content",
      provider: "gemini",
      providerDetail: envelope.origin === "http" ? basics.host : stringField(meta, "provider"),
      // Cassettes name the model in the URL; SDK dumps in the body (`models/` prefixed in some REST bodies).
      model:
        (http ? requestModel || content.model : content.model || requestModel) ||
        (response.type === "message" ? response.model : null),
      testId: envelope.test_id ?? stringField(envelope.request, "test_id"),
      responseType: null,
      request: {
        method: basics.method,
        url: basics.url,
        endpoint: basics.endpoint,
        host: basics.host,
        messages: content.messages,
        tools: content.tools,
        params: content.params,
        body,
      },
      response,
      notes,
    };
  },
};
