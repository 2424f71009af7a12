import { z } from "zod";
import type { Envelope } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt, SchemaMismatch, type Decoder } from "./decoder";
import { bodyShape, shapeNote, type BodyShape } from "./openai-body";
import { inputMessages } from "./openai-prompt";
import { openaiRequest } from "./openai-request";

const CLASSES: ReadonlySet<string> = new Set(["CreateEmbeddingResponse"]);

/** Vectors are checked number by number while their norms are computed, not by zod. */
const embeddingResponseSchema = z.looseObject({
  data: z.array(z.looseObject({ embedding: z.union([z.array(z.unknown()), z.string()]) })),
  model: z.string().nullish(),
  usage: z.unknown().optional(),
});

function isEmbeddings(shape: BodyShape | null): shape is BodyShape {
  if (!shape || shape.list) return false;
  if (CLASSES.has(shape.className)) return true;
  // An unknown class: a `list` whose first item is an `embedding`.
  const data = shape.first.__data__;
  if (shape.object !== "list" || typeof data !== "object" || data === null || !("data" in data)) return false;
  const items = data.data;
  const first: unknown = Array.isArray(items) ? items[0] : undefined;
  return typeof first === "object" && first !== null && "object" in first && first.object === "embedding";
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

function decode(envelope: Envelope): Exchange {
  const shape = bodyShape(envelope.response.body);
  if (!isEmbeddings(shape)) throw new Error("not an OpenAI embeddings response");
  const req = openaiRequest(envelope, (b) => ({ messages: inputMessages(b.input), tools: [] }), ["input"]);
  const path = "response.body.__data__";
  const response = parseAt(embeddingResponseSchema, shape.first.__data__, path);
  const vectors = response.data.map((item, i) => {
    const at = `${path}.data[${i}].embedding`;
    return typeof item.embedding === "string"
      ? decodeBase64Floats(item.embedding, at)
      : floatVector(item.embedding, at);
  });
  const dimension = vectors[0]?.length ?? 0;
  const notes = shapeNote(shape, CLASSES);
  if (vectors.some((vector) => vector.length !== dimension)) {
    notes.push(`Vectors have different lengths: ${[...new Set(vectors.map((v) => v.length))].join(", ")}.`);
  }
  const model = response.model || null;
  return {
    family: "openai-embeddings",
    kind: "embeddings",
    provider: "openai-compatible",
    providerDetail: req.providerDetail,
    model: req.model ?? model,
    testId: req.testId,
    responseType: shape.first.__type__,
    request: req.request,
    response: {
      type: "embeddings",
      count: vectors.length,
      dimension,
      norms: vectors.map(l2Norm),
      first: vectors[0] ?? [],
      usage: usageFrom(response.usage),
      model,
    },
    notes,
  };
}

/** OpenAI `CreateEmbeddingResponse`: float or base64 vectors. */
export const openaiEmbeddingsDecoder: Decoder = {
  family: "openai-embeddings",
  claims: (envelope) => isEmbeddings(bodyShape(envelope.response.body)),
  decode,
};
