import { z } from "zod";
import { MessageAssembler } from "@/lib/model/assembler";
import { typeClassName } from "@/lib/model/envelope";
import type { Chunk, ChunkDelta, RecordedError, ResponseInfo, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt, SchemaMismatch } from "./decoder";
import type { OllamaItem } from "./ollama-body";
import { ollamaArguments } from "./ollama-request";
import {
  ollamaChatSchema,
  ollamaGenerateSchema,
  ollamaMetricsSchema,
  type OllamaMetrics,
  type OllamaToolCall,
} from "./ollama-schemas";

/** What one generate or chat response (or stream chunk) adds to the message. */
interface MessageFields {
  done: boolean;
  role: string | null;
  text: string | null;
  reasoning: string | null;
  toolCalls: OllamaToolCall[];
  images: number;
  finishReason: string | null;
}

const USAGE_KEYS = [
  "prompt_eval_count",
  "eval_count",
  "total_duration",
  "load_duration",
  "prompt_eval_duration",
  "eval_duration",
] as const;

/** Ollama has no usage object: its counts and durations sit on the response itself. */
export function ollamaUsage(data: OllamaMetrics): Usage | null {
  if (typeof data.prompt_eval_count !== "number" && typeof data.eval_count !== "number") return null;
  const raw: Record<string, number> = {};
  for (const key of USAGE_KEYS) {
    const value = data[key];
    if (typeof value === "number") raw[key] = value;
  }
  return usageFrom(raw);
}

const errorLineSchema = z.object({ error: z.string() });

/** A line that is only an error (Ollama ends a failed stream with `{"error": "..."}`), else null. */
function errorLine(data: unknown): string | null {
  if (typeof data !== "object" || data === null || "done" in data) return null;
  const parsed = errorLineSchema.safeParse(data);
  return parsed.success ? parsed.data.error : null;
}

/** Parses a chunk; the JSON path is only spelled out when the chunk does not fit. */
function parseChunk<T>(schema: z.ZodType<T>, item: OllamaItem): T {
  const result = schema.safeParse(item.data);
  return result.success ? result.data : parseAt(schema, item.data, item.path);
}

function fieldsAt(item: OllamaItem, chat: boolean): MessageFields {
  if (chat) {
    const d = parseChunk(ollamaChatSchema, item);
    const message = d.message;
    return {
      done: d.done === true,
      role: message?.role || null,
      text: message?.content ?? null,
      reasoning: message?.thinking ?? null,
      toolCalls: message?.tool_calls ?? [],
      images: message?.images?.length ?? 0,
      finishReason: d.done ? (d.done_reason ?? null) : null,
    };
  }
  const d = parseChunk(ollamaGenerateSchema, item);
  return {
    done: d.done === true,
    role: null,
    text: d.response ?? null,
    reasoning: d.thinking ?? null,
    toolCalls: [],
    images: 0,
    finishReason: d.done ? (d.done_reason ?? null) : null,
  };
}

/**
 * A generate (`kind` completion) or chat response, streamed (a list of chunks) or not, rebuilt
 * through the `MessageAssembler`. Ollama sends whole tool calls; each gets the next tool index.
 * A plain stream that holds only an `{"error": ...}` line is that error.
 */
export function ollamaMessageResponse(
  items: readonly OllamaItem[],
  streaming: boolean,
  chat: boolean,
): { response: ResponseInfo; notes: string[] } {
  const assembler = new MessageAssembler("assistant");
  assembler.touch(0);
  const chunks: Chunk[] = [];
  const expected = chat ? "ChatResponse" : "GenerateResponse";
  let usage: Usage | null = null;
  let model: string | null = null;
  let firstType: string | null = null;
  let lastRole: string | null = null;
  let toolIndex = 0;
  let images = 0;
  let error: RecordedError | null = null;
  const notes: string[] = [];

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    if (item.type !== null && item.type !== firstType) {
      if (typeClassName(item.type) !== expected) {
        throw new SchemaMismatch(
          `${item.at}.__type__`,
          `expected ollama._types.${expected}, found ${item.type}`,
        );
      }
      firstType = item.type;
    }
    const failure = item.type === null ? errorLine(item.data) : null;
    if (failure !== null) {
      error = { type: "error", status: null, message: failure, body: item.data };
      notes.push(`the stream ends with an error: ${failure}`);
      if (streaming)
        chunks.push({ index: i, deltas: [{ type: "event", label: `error: ${failure}` }], raw: item.raw });
      continue;
    }
    const f = fieldsAt(item, chat);
    const deltas: ChunkDelta[] = [];
    let chunkUsage: Usage | null = null;
    if (i === 0 || f.done) {
      const metrics = parseAt(ollamaMetricsSchema, item.data, item.path);
      model ??= metrics.model ?? null;
      if (f.done) chunkUsage = ollamaUsage(metrics);
    }
    if (f.role && f.role !== lastRole) {
      deltas.push(assembler.role(0, f.role));
      lastRole = f.role;
    }
    if (f.reasoning) deltas.push(assembler.reasoning(0, f.reasoning));
    if (f.text) deltas.push(assembler.text(0, f.text));
    for (const call of f.toolCalls) {
      deltas.push(
        assembler.toolCall(0, toolIndex++, {
          id: call.id ?? null,
          name: call.function.name ?? null,
          arguments: ollamaArguments(call.function.arguments),
        }),
      );
    }
    if (f.images > 0) {
      images += f.images;
      deltas.push({ type: "event", label: `images (${f.images})` });
    }
    if (f.finishReason) deltas.push(assembler.finish(0, f.finishReason));
    if (chunkUsage) {
      usage = chunkUsage;
      deltas.push({ type: "usage", usage: chunkUsage });
    }
    if (streaming) chunks.push({ index: i, deltas, raw: item.raw });
  }

  const choices = assembler.result();
  const empty = choices.every((c) => c.content === "" && c.reasoning === "" && c.toolCalls.length === 0);
  if (error && empty) return { response: { type: "error", error }, notes: [] };
  if (images > 0) notes.push(`the response carries ${images} image(s) in message.images`);
  return {
    response: { type: "message", streaming, chunks, choices, usage, model },
    notes,
  };
}
