import { z } from "zod";
import { isWrapped, wrappedSchema, type Envelope } from "@/lib/model/envelope";
import type { Exchange, ModelEntry, ResponseInfo } from "@/lib/model/exchange";
import { parseAt, SchemaMismatch, type Decoder } from "./decoder";
import { isRecord, MISFIT, optString, readWith, record } from "./fast-read";
import { responseShape, shapeNote, type BodyShape } from "./openai-body";
import { errorResponse, httpCall, isErrorReply, type HttpCall } from "./openai-http";
import { openaiRequest } from "./openai-request";
import { splitUrl } from "./request-info";

const CLASSES: ReadonlySet<string> = new Set(["Model"]);

const modelSchema = z.looseObject({ id: z.string(), owned_by: z.string().nullish() });

function isModel(shape: BodyShape | null): boolean {
  return (
    shape !== null && ((shape.className !== null && CLASSES.has(shape.className)) || shape.object === "model")
  );
}

/** An empty list answering a `/v1/models` request: the server had no models. */
function isEmptyModelList(envelope: Envelope): boolean {
  const { body } = envelope.response;
  const url = envelope.request.url;
  if (!Array.isArray(body) || body.length !== 0 || typeof url !== "string") return false;
  return splitUrl(url).path?.endsWith("/v1/models") ?? false;
}

/**
 * An HTTP model list `{object?: "list", data: [{id, ...}]}`. Anthropic's `/v1/models` answers with
 * items `{type: "model", ...}`: another API, left to others.
 */
function isModelList(data: unknown): data is { data: unknown[] } {
  if (!isRecord(data) || !Array.isArray(data.data)) return false;
  const first: unknown = data.data[0];
  if (first === undefined) return data.object === "list";
  return isRecord(first) && typeof first.id === "string" && first.type !== "model";
}

/** A bare array of models (Together's `/v1/models`): `[{id, object: "model", ...}]`. */
function isModelArray(body: unknown): boolean {
  if (!Array.isArray(body)) return false;
  const first: unknown = body[0];
  return isRecord(first) && typeof first.id === "string" && first.object === "model";
}

/**
 * An error reply of an OpenAI-compatible server: `{error}`, `{detail}` (FastAPI servers such as
 * Mistral), `{message, type|code}` (Cerebras) or text. Anthropic's `{type: "error"}` and Cohere's
 * `{id, message}` answer the same path for other APIs.
 */
function isOpenAIErrorReply(call: HttpCall | null, body: unknown): boolean {
  if (!isErrorReply(call, "models")) return false;
  if (typeof body === "string") return true;
  if (!isRecord(body) || body.type === "error") return false;
  return "error" in body || "detail" in body || ("message" in body && ("type" in body || "code" in body));
}

function claims(envelope: Envelope): boolean {
  const shape = responseShape(envelope);
  if (isModel(shape) || isEmptyModelList(envelope)) return true;
  const call = httpCall(envelope);
  if (call === null || call.endpoint !== "models") return false;
  const body = envelope.response.body;
  if (isOpenAIErrorReply(call, body) || isModelArray(body)) return true;
  return shape !== null && isModelList(shape.data);
}

/** Reads one model by hand (lists hold up to hundreds); `modelSchema` names what does not fit. */
function readModel(value: unknown): ModelEntry {
  const data = record(value);
  const details: Record<string, unknown> = {};
  for (const key in data) {
    if (key !== "id" && key !== "owned_by" && key !== "object") details[key] = data[key];
  }
  if (typeof data.id !== "string") throw MISFIT;
  return { id: data.id, ownedBy: optString(data.owned_by), details };
}

/** One model: a wrapped `Model` (SDK lists) or a plain object (HTTP lists). */
function modelEntry(item: unknown, path: string): ModelEntry {
  if (isRecord(item) && !isWrapped(item) && "id" in item) return readWith(readModel, modelSchema, item, path);
  const data = isWrapped(item) ? item.__data__ : parseAt(wrappedSchema, item, path).__data__;
  return readWith(readModel, modelSchema, data, `${path}.__data__`);
}

function decodeModels(body: unknown): ResponseInfo {
  if (Array.isArray(body)) {
    return { type: "models", models: body.map((item, i) => modelEntry(item, `response.body[${i}]`)) };
  }
  if (isModelList(body)) {
    return {
      type: "models",
      models: body.data.map((item, i) => modelEntry(item, `response.body.data[${i}]`)),
    };
  }
  if (isRecord(body) && !isWrapped(body) && !("id" in body)) {
    throw new SchemaMismatch("response.body", "expected a model, a list of models or {data: [models]}");
  }
  return { type: "models", models: [modelEntry(body, "response.body")] };
}

function decode(envelope: Envelope): Exchange {
  const body = envelope.response.body;
  const shape = responseShape(envelope);
  const req = openaiRequest(envelope, () => ({ messages: [], tools: [] }), []);
  const error = isErrorReply(httpCall(envelope), "models");
  return {
    family: "openai-models",
    kind: "models",
    provider: "openai-compatible",
    providerDetail: req.providerDetail,
    model: req.model,
    testId: req.testId,
    responseType: shape?.type ?? null,
    request: req.request,
    response: error ? errorResponse(envelope) : decodeModels(body),
    notes: shape ? shapeNote(shape, CLASSES) : [],
  };
}

/**
 * OpenAI model lists: a list of `Model` (not a stream), a single `Model`, or an empty list
 * answering a `/v1/models` request; in HTTP calls `{object: "list", data: [models]}` (Groq,
 * OpenRouter, Baseten...) or a bare array of models (Together) from a `…/v1/models` path, and its
 * error replies.
 */
export const openaiModelsDecoder: Decoder = {
  family: "openai-models",
  claims,
  decode,
};
