import { inferenceRequestSchema, rawHttpRequestSchema, type Envelope } from "@/lib/model/envelope";
import type { ConversationMessage, RequestInfo, ToolDefinition } from "@/lib/model/exchange";
import { isRecord, MISFIT, optRecord, optString, readWith, record } from "./fast-read";
import { omitKeys, requestBasics } from "./request-info";

/** What the OpenAI decoders share about an inference request. */
export interface OpenAIRequest {
  request: RequestInfo;
  /** The request body as an object (`{}` when the body is not an object). */
  body: Record<string, unknown>;
  /** The body's `model`, else the recorded request `model` (empty strings count as none). */
  model: string | null;
  /** `provider_metadata.provider` when recorded, else the URL host. */
  providerDetail: string | null;
  testId: string | null;
}

export interface Conversation {
  messages: ConversationMessage[];
  tools: ToolDefinition[];
}

interface InferenceRequest {
  method: string;
  url: string;
  endpoint: string | null;
  model: string | null;
  provider: string | null;
  body: unknown;
}

/** An HTTP call's request `{method, url, headers, payload}`: the payload is the body; no endpoint, model or provider. */
function readHttpRequest(value: unknown): InferenceRequest {
  const request = record(value);
  const { method, url } = request;
  if (typeof method !== "string" || typeof url !== "string") throw MISFIT;
  return { method, url, endpoint: null, model: null, provider: null, body: request.payload };
}

/** True for the raw-HTTP request shape (cassettes, llama-stack raw HTTP): a `payload`, no `body`. */
function isHttpRequest(request: Record<string, unknown>): boolean {
  return "payload" in request && !("body" in request);
}

/** Reads the fields of `inferenceRequestSchema` used here, by hand (it runs for every file). */
function readRequest(value: unknown): InferenceRequest {
  const request = record(value);
  const { method, url, endpoint, headers, provider_metadata: metadata } = request;
  if (typeof method !== "string" || typeof url !== "string") throw MISFIT;
  if (endpoint !== undefined && typeof endpoint !== "string") throw MISFIT;
  if (headers !== undefined && !isRecord(headers)) throw MISFIT;
  const providerMetadata = optRecord(metadata);
  const provider = providerMetadata?.provider;
  return {
    method,
    url,
    endpoint: endpoint ?? null,
    model: optString(request.model),
    provider: typeof provider === "string" ? provider : null,
    body: request.body,
  };
}

/** A non-empty string, else null. */
export function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** The envelope's `test_id`, or the request's when the envelope has none. */
export function testIdOf(envelope: Envelope): string | null {
  return envelope.test_id ?? nonEmpty(envelope.request.test_id);
}

/**
 * Reads an inference request `{method, url, headers, body, endpoint, model, provider_metadata?}`,
 * or an HTTP call's `{method, url, headers, payload}` (the payload is the body).
 * `conversation` turns the body (found at `path`: `request.body`, or `request.payload` for an HTTP
 * call) into messages and tools; `conversationKeys` are the body keys it used, which (with `model`)
 * are left out of `params`.
 */
export function openaiRequest(
  envelope: Envelope,
  conversation: (body: Record<string, unknown>, path: string) => Conversation,
  conversationKeys: readonly string[],
): OpenAIRequest {
  const http = isHttpRequest(envelope.request);
  const raw = http
    ? readWith(readHttpRequest, rawHttpRequestSchema, envelope.request, "request")
    : readWith(readRequest, inferenceRequestSchema, envelope.request, "request");
  const body = isRecord(raw.body) ? raw.body : {};
  const basics = requestBasics(raw.method, raw.url, raw.endpoint);
  const { messages, tools } = conversation(body, http ? "request.payload" : "request.body");
  return {
    // Spelled out, not spread from `basics`: the spread was a third of reading a request (a CPU
    // profile of decoding the corpus).
    request: {
      method: basics.method,
      url: basics.url,
      endpoint: basics.endpoint,
      host: basics.host,
      messages,
      tools,
      params: omitKeys(body, ["model", ...conversationKeys]),
      body: raw.body,
    },
    body,
    model: nonEmpty(body.model) ?? nonEmpty(raw.model),
    providerDetail: nonEmpty(raw.provider) ?? basics.host,
    testId: testIdOf(envelope),
  };
}
