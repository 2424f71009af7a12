import { z } from "zod";
import type { ResponseInfo } from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import { ollamaUsage } from "./ollama-message";
import { ollamaEmbedSchema, ollamaMetricsSchema } from "./ollama-schemas";

const embedBodySchema = z.object({ __type__: z.string(), __data__: ollamaEmbedSchema });
const metricsBodySchema = z.object({ __data__: ollamaMetricsSchema });

function l2Norm(vector: readonly number[]): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

/** `EmbedResponse` (`embeddings`, one vector per input) or the older `embedding` (a single vector). */
export function ollamaEmbeddingsResponse(body: unknown): ResponseInfo {
  const data = parseAt(embedBodySchema, body, "response.body").__data__;
  const metrics = parseAt(metricsBodySchema, body, "response.body").__data__;
  const vectors = data.embeddings ?? (data.embedding ? [data.embedding] : []);
  const first = vectors[0] ?? [];
  return {
    type: "embeddings",
    count: vectors.length,
    dimension: first.length,
    norms: vectors.map(l2Norm),
    first,
    usage: ollamaUsage(metrics),
    model: metrics.model ?? null,
  };
}
