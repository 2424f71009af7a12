import { z } from "zod";
import { isWrapped, wrappedSchema, type Envelope } from "@/lib/model/envelope";
import type { Exchange, ModelEntry } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { MISFIT, optString, readWith, record } from "./fast-read";
import { bodyShape, shapeNote, type BodyShape } from "./openai-body";
import { openaiRequest } from "./openai-request";
import { splitUrl } from "./request-info";

const CLASSES: ReadonlySet<string> = new Set(["Model"]);

const modelSchema = z.looseObject({ id: z.string(), owned_by: z.string().nullish() });

function isModel(shape: BodyShape | null): shape is BodyShape {
  return shape !== null && (CLASSES.has(shape.className) || shape.object === "model");
}

/** An empty list answering a `/v1/models` request: the server had no models. */
function isEmptyModelList(envelope: Envelope): boolean {
  const { body } = envelope.response;
  const url = envelope.request.url;
  if (!Array.isArray(body) || body.length !== 0 || typeof url !== "string") return false;
  return splitUrl(url).path?.endsWith("/v1/models") ?? false;
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

function modelEntry(item: unknown, path: string): ModelEntry {
  const data = isWrapped(item) ? item.__data__ : parseAt(wrappedSchema, item, path).__data__;
  return readWith(readModel, modelSchema, data, `${path}.__data__`);
}

function decode(envelope: Envelope): Exchange {
  const body = envelope.response.body;
  const shape = bodyShape(body);
  const req = openaiRequest(envelope, () => ({ messages: [], tools: [] }), []);
  const models = Array.isArray(body)
    ? body.map((item, i) => modelEntry(item, `response.body[${i}]`))
    : [modelEntry(body, "response.body")];
  return {
    family: "openai-models",
    kind: "models",
    provider: "openai-compatible",
    providerDetail: req.providerDetail,
    model: req.model,
    testId: req.testId,
    responseType: shape?.first.__type__ ?? null,
    request: req.request,
    response: { type: "models", models },
    notes: shape ? shapeNote(shape, CLASSES) : [],
  };
}

/**
 * OpenAI model lists: a list of `Model` (not a stream), a single `Model`, or an empty list
 * answering a `/v1/models` request.
 */
export const openaiModelsDecoder: Decoder = {
  family: "openai-models",
  claims: (envelope) => isModel(bodyShape(envelope.response.body)) || isEmptyModelList(envelope),
  decode,
};
