import { isWrapped, typeClassName, type Envelope } from "@/lib/model/envelope";
import type { CallKind, Exchange, ResponseInfo } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { ollamaModelsResponse, ollamaResultResponse } from "./ollama-admin";
import { ollamaEmbeddingsResponse } from "./ollama-embeddings";
import { ollamaMessageResponse } from "./ollama-message";
import { ollamaRequestInfo } from "./ollama-request";
import { ollamaInferenceRequestSchema } from "./ollama-schemas";

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

function firstItem(body: unknown): unknown {
  return Array.isArray(body) ? body[0] : body;
}

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== "object" || value === null || !(key in value)) return null;
  const field: unknown = Reflect.get(value, key);
  return typeof field === "string" ? field : null;
}

/**
 * Ollama native API (`ollama._types.*` wrapped bodies): /api/generate, /api/chat, /api/embed,
 * /api/tags, /api/ps, /api/pull. Claimed by the `__type__` module path.
 */
export const ollamaDecoder: Decoder = {
  family: "ollama",

  claims(envelope: Envelope): boolean {
    const first = firstItem(envelope.response.body);
    return isWrapped(first) && first.__type__.startsWith("ollama.");
  },

  decode(envelope: Envelope): Exchange {
    const request = parseAt(ollamaInferenceRequestSchema, envelope.request, "request");
    const body = envelope.response.body;
    const streaming = Array.isArray(body);
    const items: readonly unknown[] = Array.isArray(body) ? body : [body];
    const first = firstItem(body);
    const responseType = isWrapped(first) ? first.__type__ : null;
    const className = responseType === null ? "" : typeClassName(responseType);
    const kind: CallKind = KIND_BY_CLASS.get(className) ?? "http";
    const { info, model } = ollamaRequestInfo(kind, request);
    const notes: string[] = [];

    let response: ResponseInfo;
    if (kind === "completion" || kind === "chat") {
      const message = ollamaMessageResponse(items, streaming, kind === "chat");
      response = message.response;
      notes.push(...message.notes);
    } else if (kind === "embeddings") {
      response = ollamaEmbeddingsResponse(body);
    } else if (kind === "models") {
      response = ollamaModelsResponse(body);
    } else {
      if (!KIND_BY_CLASS.has(className))
        notes.push(`unknown Ollama response type ${responseType ?? "(none)"}`);
      response = ollamaResultResponse(items, streaming, envelope.response.status ?? null, info.endpoint);
    }

    const responseModel =
      response.type === "message" || response.type === "embeddings" ? response.model : null;
    return {
      family: "ollama",
      kind,
      provider: "ollama",
      providerDetail: stringField(request.provider_metadata, "provider"),
      model: model ?? responseModel,
      testId: envelope.test_id ?? stringField(envelope.request, "test_id"),
      responseType,
      request: info,
      response,
      notes,
    };
  },
};
