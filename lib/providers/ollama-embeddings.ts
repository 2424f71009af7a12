import type { ResponseInfo } from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import type { OllamaItem } from "./ollama-body";
import { ollamaUsage } from "./ollama-message";
import { ollamaEmbedSchema, ollamaMetricsSchema } from "./ollama-schemas";

function l2Norm(vector: readonly number[]): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

/** `EmbedResponse` (`embeddings`, one vector per input) or the older `embedding` (a single vector). */
export function ollamaEmbeddingsResponse(item: OllamaItem): ResponseInfo {
  const data = parseAt(ollamaEmbedSchema, item.data, item.path);
  const metrics = parseAt(ollamaMetricsSchema, item.data, item.path);
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
