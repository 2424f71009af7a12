import { z } from "zod";
import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, ResponseInfo } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { SchemaMismatch, type Decoder } from "./decoder";
import { isRecord, MISFIT, optString, readWith, record } from "./fast-read";
import { responseShape, shapeNote, singleData, type BodyShape } from "./openai-body";
import { errorResponse, httpCall, isErrorReply } from "./openai-http";
import { inputMessages } from "./openai-prompt";
import { openaiRequest } from "./openai-request";

const CLASSES: ReadonlySet<string> = new Set(["CreateEmbeddingResponse"]);

/** Vectors are checked number by number while their norms are computed, not by zod. */
const embeddingResponseSchema = z.looseObject({
  data: z.array(z.looseObject({ embedding: z.union([z.array(z.unknown()), z.string()]) })),
  model: z.string().nullish(),
  usage: z.unknown().optional(),
});

/** A list whose first item is an `embedding` (or, at an `…/embeddings` path, has an `embedding`). */
function isEmbeddingList(data: unknown, byPath: boolean): boolean {
  if (!isRecord(data) || !Array.isArray(data.data)) return false;
  const first: unknown = data.data[0];
  if (!isRecord(first)) return false;
  return first.object === "embedding" || (byPath && "embedding" in first);
}

function isEmbeddings(shape: BodyShape | null, byPath = false): boolean {
  if (!shape || shape.list) return false;
  if (shape.className !== null && CLASSES.has(shape.className)) return true;
  // An unknown class or a plain body: a `list` whose first item is an `embedding`.
  return (shape.object === "list" || byPath) && isEmbeddingList(shape.data, byPath);
}

function claims(envelope: Envelope): boolean {
  const shape = responseShape(envelope);
  if (isEmbeddings(shape)) return true;
  const call = httpCall(envelope);
  if (call === null || call.endpoint !== "embeddings") return false;
  return isErrorReply(call, "embeddings") || isEmbeddings(shape, true);
}

/** Little-endian float32 values of a base64 string (`encoding_format: "base64"`). */
export function decodeBase64Floats(text: string, path: string): number[] {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new SchemaMismatch(path, "not valid base64");
  }
  if (binary.length % 4 !== 0) {
    throw new SchemaMismatch(path, `base64 data of ${binary.length} bytes is not a list of float32 values`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  const out = new Array<number>(binary.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** A float vector as recorded (every entry must be a number). */
function floatVector(values: unknown[], path: string): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== "number") throw new SchemaMismatch(`${path}[${i}]`, "expected a number");
    out[i] = value;
  }
  return out;
}

export function l2Norm(vector: readonly number[]): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

interface EmbeddingResponse {
  data: { embedding: unknown[] | string }[];
  model: string | null;
  usage: unknown;
}

/**
 * Reads what `embeddingResponseSchema` states, by hand: the schema copied every vector (thousands
 * of numbers) before `floatVector` copied it again (a CPU profile of decoding the corpus).
 */
function readEmbeddingResponse(value: unknown): EmbeddingResponse {
  const response = record(value);
  const list = response.data;
  if (!Array.isArray(list)) throw MISFIT;
  const data = list.map((item: unknown) => {
    const { embedding } = record(item);
    if (typeof embedding !== "string" && !Array.isArray(embedding)) throw MISFIT;
    return { embedding };
  });
  return { data, model: optString(response.model), usage: response.usage };
}

function decodeVectors(body: unknown, notes: string[]): ResponseInfo {
  const { data, path } = singleData(body);
  const response = readWith(readEmbeddingResponse, embeddingResponseSchema, data, path);
  const vectors = response.data.map((item, i) => {
    const at = `${path}.data[${i}].embedding`;
    return typeof item.embedding === "string"
      ? decodeBase64Floats(item.embedding, at)
      : floatVector(item.embedding, at);
  });
  const dimension = vectors[0]?.length ?? 0;
  if (vectors.some((vector) => vector.length !== dimension)) {
    notes.push(`Vectors have different lengths: ${[...new Set(vectors.map((v) => v.length))].join(", ")}.`);
  }
  return {
    type: "embeddings",
    count: vectors.length,
    dimension,
    norms: vectors.map(l2Norm),
    first: vectors[0] ?? [],
    usage: usageFrom(response.usage),
    model: response.model || null,
  };
}

function decode(envelope: Envelope): Exchange {
  const shape = responseShape(envelope);
  const req = openaiRequest(envelope, (b) => ({ messages: inputMessages(b.input), tools: [] }), ["input"]);
  const error = isErrorReply(httpCall(envelope), "embeddings");
  if (!error && !isEmbeddings(shape, true)) throw new Error("not an OpenAI embeddings response");
  const notes = shape ? shapeNote(shape, CLASSES) : [];
  const response = error ? errorResponse(envelope) : decodeVectors(envelope.response.body, notes);
  return {
    family: "openai-embeddings",
    kind: "embeddings",
    provider: "openai-compatible",
    providerDetail: req.providerDetail,
    model: req.model ?? (response.type === "embeddings" ? response.model : null),
    testId: req.testId,
    responseType: shape?.type ?? null,
    request: req.request,
    response,
    notes,
  };
}

/**
 * OpenAI `CreateEmbeddingResponse`: float or base64 vectors; in HTTP calls also a plain body sent
 * to an `…/embeddings` path, and its error replies.
 */
export const openaiEmbeddingsDecoder: Decoder = {
  family: "openai-embeddings",
  claims,
  decode,
};
