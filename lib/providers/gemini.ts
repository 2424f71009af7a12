import { isWrapped, rawHttpRequestSchema, type Envelope } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { geminiRequestContent } from "./gemini-request";
import { geminiMessageResponse } from "./gemini-response";
import { geminiInferenceRequestSchema } from "./gemini-schemas";
import { requestBasics } from "./request-info";

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

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== "object" || value === null || !(key in value)) return null;
  const field: unknown = Reflect.get(value, key);
  return typeof field === "string" ? field : null;
}

/** The request as the SDK recorder writes it (`body`), or as a raw HTTP recording does (`payload`). */
function readRequest(request: Record<string, unknown>) {
  if (!("body" in request) && "payload" in request) {
    const raw = parseAt(rawHttpRequestSchema, request, "request");
    const content = geminiRequestContent(raw.payload, "request.payload");
    return {
      basics: requestBasics(raw.method, raw.url, null),
      content,
      body: raw.payload,
      requestModel: null,
      meta: null,
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
  };
}

/**
 * Vertex AI / Gemini `generate_content` and `generate_content_stream` (google-genai SDK dumps:
 * plain objects with `candidates`, `usage_metadata`, `model_version`, `sdk_http_response`).
 * Claimed by body shape, never by URL.
 */
export const geminiDecoder: Decoder = {
  family: "gemini",

  claims(envelope: Envelope): boolean {
    const body = envelope.response.body;
    if (Array.isArray(body)) return body.length > 0 && looksLikeGenerateContent(body[0]);
    return looksLikeGenerateContent(body);
  },

  decode(envelope: Envelope): Exchange {
    const { basics, content, body, requestModel, meta } = readRequest(envelope.request);
    const { response, notes } = geminiMessageResponse(envelope.response.body);
    return {
      family: "gemini",
      kind: "generate-content",
      provider: "gemini",
      providerDetail: stringField(meta, "provider"),
      model: content.model || requestModel || (response.type === "message" ? response.model : null),
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
