import { typeClassName } from "@/lib/model/envelope";
import type { ModelEntry, ResponseInfo } from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import type { OllamaItem } from "./ollama-body";
import { ollamaModelListSchema, ollamaModelSchema, ollamaStatusSchema } from "./ollama-schemas";
import { omitKeys } from "./request-info";

/** `ListResponse` (/api/tags) or `ProcessResponse` (/api/ps, with `size_vram` and `expires_at`). */
export function ollamaModelsResponse(item: OllamaItem): ResponseInfo {
  const data = parseAt(ollamaModelListSchema, item.data, item.path);
  const models = data.models.map((raw, i): ModelEntry => {
    const parsed = ollamaModelSchema.safeParse(raw);
    const entry = parsed.success ? parsed.data : parseAt(ollamaModelSchema, raw, `${item.path}.models[${i}]`);
    const id = entry.model ?? entry.name ?? `(model ${i})`;
    return { id, ownedBy: null, details: omitKeys(raw, [entry.model ? "model" : "name"]) };
  });
  return { type: "models", models };
}

/** The last word of an endpoint path (`/api/pull` → `pull`). */
function operation(endpoint: string | null): string | null {
  if (!endpoint) return null;
  const segments = endpoint.split("/").filter((segment) => segment !== "");
  return segments[segments.length - 1] ?? null;
}

/**
 * Admin calls and anything else Ollama (`ProgressResponse` of /api/pull, ...): a short text
 * (`pull: success`) and the data as recorded. A streamed progress keeps its last status.
 */
export function ollamaResultResponse(
  items: readonly OllamaItem[],
  streaming: boolean,
  status: number | null,
  endpoint: string | null,
): ResponseInfo {
  let label: string | null = null;
  let text: string | null = null;
  const values: unknown[] = [];
  for (const item of items) {
    label ??= operation(endpoint) ?? (item.type === null ? "result" : typeClassName(item.type));
    values.push(item.data);
    const parsed = ollamaStatusSchema.safeParse(item.data);
    if (parsed.success && parsed.data.status) {
      const { completed, total } = parsed.data;
      const progress =
        typeof completed === "number" && typeof total === "number" ? ` (${completed}/${total})` : "";
      text = `${label}: ${parsed.data.status}${progress}`;
    }
  }
  return {
    type: "result",
    streaming,
    status,
    text: text ?? label,
    value: streaming ? values : values[0],
  };
}
