import { isWrapped, rawHttpRequestSchema, typeClassName, type Envelope } from "@/lib/model/envelope";
import type { CallKind, Exchange, ResponseInfo } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { isRecord } from "./fast-read";
import { httpError, isErrorStatus } from "./http-error";
import { firstNdjsonValue } from "./ndjson-text";
import { ollamaModelsResponse, ollamaResultResponse } from "./ollama-admin";
import { plainItems, wrappedItems, type OllamaItem } from "./ollama-body";
import { ollamaEmbeddingsResponse } from "./ollama-embeddings";
import { ollamaMessageResponse } from "./ollama-message";
import { ollamaRequestInfo } from "./ollama-request";
import { ollamaInferenceRequestSchema, type OllamaInferenceRequest } from "./ollama-schemas";
import { httpCall } from "./openai-http";

/** The kind of call each `ollama._types` class answers; anything else is a plain HTTP call. */
const KIND_BY_CLASS = new Map<string, CallKind>([
  ["GenerateResponse", "completion"],
  ["ChatResponse", "chat"],
  ["EmbedResponse", "embeddings"],
  ["EmbeddingsResponse", "embeddings"],
  ["ListResponse", "models"],
  ["ProcessResponse", "models"],
  ["ProgressResponse", "http"],
  ["StatusResponse", "http"],
]);

/**
 * The native API's endpoints (`/api/<name>` on any host: localhost, a tunnel, a placeholder), the
 * kind of call each is, and the keys one of its response objects (or NDJSON lines) has.
 */
const ENDPOINTS = new Map<string, { kind: CallKind; keys: readonly string[] }>([
  ["chat", { kind: "chat", keys: ["message", "done"] }],
  ["generate", { kind: "completion", keys: ["response", "done"] }],
  ["embed", { kind: "embeddings", keys: ["embeddings"] }],
  ["embeddings", { kind: "embeddings", keys: ["embedding"] }],
  ["tags", { kind: "models", keys: ["models"] }],
  ["ps", { kind: "models", keys: ["models"] }],
  ["pull", { kind: "http", keys: ["status"] }],
  ["push", { kind: "http", keys: ["status"] }],
  ["create", { kind: "http", keys: ["status"] }],
  ["show", { kind: "http", keys: ["modelfile", "details", "model_info", "capabilities"] }],
  ["version", { kind: "http", keys: ["version"] }],
]);

/** The endpoint name of an `/api/<name>` path, or null. */
function endpointName(path: string): string | null {
  const match = /\/api\/([a-z]+)\/?$/.exec(path);
  return match?.[1] !== undefined && ENDPOINTS.has(match[1]) ? match[1] : null;
}

/** True when a response object (or the first NDJSON line) has a key of the endpoint, or is an error. */
function hasEndpointShape(body: unknown, keys: readonly string[]): boolean {
  const first = typeof body === "string" ? firstNdjsonValue(body) : body;
  if (!isRecord(first)) return false;
  return typeof first.error === "string" || keys.some((key) => key in first);
}

function firstItem(body: unknown): unknown {
  return Array.isArray(body) ? body[0] : body;
}

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== "object" || value === null || !(key in value)) return null;
  const field: unknown = Reflect.get(value, key);
  return typeof field === "string" ? field : null;
}

interface ReadCall {
  request: OllamaInferenceRequest;
  bodyPath: string;
  kind: CallKind;
  items: OllamaItem[];
  streaming: boolean;
  responseType: string | null;
  notes: string[];
}

/** A llama-stack recording: the kind comes from the `ollama._types` class of the body. */
function readSdkCall(envelope: Envelope): ReadCall {
  const request = parseAt(ollamaInferenceRequestSchema, envelope.request, "request");
  const body = envelope.response.body;
  const first = firstItem(body);
  const responseType = isWrapped(first) ? first.__type__ : null;
  const className = responseType === null ? "" : typeClassName(responseType);
  const kind = KIND_BY_CLASS.get(className) ?? "http";
  const notes = KIND_BY_CLASS.has(className)
    ? []
    : [`unknown Ollama response type ${responseType ?? "(none)"}`];
  const items = wrappedItems(body);
  return {
    request,
    bodyPath: "request.body",
    kind,
    items,
    streaming: Array.isArray(body),
    responseType,
    notes,
  };
}

/** An HTTP cassette's call: the kind comes from the endpoint; NDJSON text is a stream. */
function readHttpCall(envelope: Envelope, name: string | null): ReadCall {
  const raw = parseAt(rawHttpRequestSchema, envelope.request, "request");
  const request: OllamaInferenceRequest = { method: raw.method, url: raw.url, body: raw.payload };
  const body = envelope.response.body;
  const kind = (name === null ? undefined : ENDPOINTS.get(name)?.kind) ?? "http";
  const streaming = typeof body === "string";
  const notes = streaming || isRecord(body) ? [] : ["the response body is not a JSON object"];
  const items = streaming || isRecord(body) ? plainItems(body) : [];
  return { request, bodyPath: "request.payload", kind, items, streaming, responseType: null, notes };
}

function decodeResponse(
  call: ReadCall,
  status: number | null,
  endpoint: string | null,
): { response: ResponseInfo; notes: string[] } {
  const { kind, items, streaming } = call;
  const first = items[0];
  if (kind === "completion" || kind === "chat")
    return ollamaMessageResponse(items, streaming, kind === "chat");
  if (first && kind === "embeddings") return { response: ollamaEmbeddingsResponse(first), notes: [] };
  if (first && kind === "models") return { response: ollamaModelsResponse(first), notes: [] };
  return { response: ollamaResultResponse(items, streaming, status, endpoint), notes: [] };
}

/**
 * Ollama's native API: /api/chat, /api/generate, /api/embed(dings), /api/tags, /api/ps, /api/pull...
 * llama-stack keeps `ollama._types.*` wrapped bodies (claimed by their module path); HTTP cassettes
 * keep the plain JSON, or NDJSON text for a stream (claimed by the `/api/<name>` path and a key
 * of that endpoint's responses), and error replies `{"error": "..."}`.
 */
export const ollamaDecoder: Decoder = {
  family: "ollama",

  claims(envelope: Envelope): boolean {
    const first = firstItem(envelope.response.body);
    if (isWrapped(first)) return first.__type__.startsWith("ollama.");
    if (envelope.origin !== "http") return false;
    const call = httpCall(envelope);
    const name = call === null ? null : endpointName(call.path);
    if (call === null || name === null) return false;
    const endpoint = ENDPOINTS.get(name);
    return (
      isErrorStatus(call.status) ||
      (endpoint !== undefined && hasEndpointShape(envelope.response.body, endpoint.keys))
    );
  },

  decode(envelope: Envelope): Exchange {
    const http = envelope.origin === "http";
    const call = http ? httpCall(envelope) : null;
    const read = http ? readHttpCall(envelope, endpointName(call?.path ?? "")) : readSdkCall(envelope);
    const status = envelope.response.status ?? null;
    const { info, model } = ollamaRequestInfo(read.kind, read.request, read.bodyPath);
    let response: ResponseInfo;
    let notes: string[] = [];
    if (http && isErrorStatus(status)) {
      response = { type: "error", error: httpError(envelope.response.body, status) };
    } else {
      const decoded = decodeResponse(read, status, info.endpoint);
      response = decoded.response;
      notes = [...read.notes, ...decoded.notes];
      if (response.type === "error") response = { type: "error", error: { ...response.error, status } };
    }
    const responseModel =
      response.type === "message" || response.type === "embeddings" ? response.model : null;
    return {
      family: "ollama",
      kind: read.kind,
      provider: "ollama",
      providerDetail: http ? info.host : stringField(read.request.provider_metadata, "provider"),
      model: model ?? responseModel,
      testId: envelope.test_id ?? stringField(envelope.request, "test_id"),
      responseType: read.responseType,
      request: info,
      response,
      notes,
    };
  },
};
