import { z } from "zod";
import { MessageAssembler } from "@/lib/model/assembler";
import { typeClassName } from "@/lib/model/envelope";
import type { Chunk, ChunkDelta, ResponseInfo, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt, SchemaMismatch } from "./decoder";
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
  type: string;
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

const generateChunkSchema = z.object({ __type__: z.string(), __data__: ollamaGenerateSchema });
const chatChunkSchema = z.object({ __type__: z.string(), __data__: ollamaChatSchema });
const metricsChunkSchema = z.object({ __data__: ollamaMetricsSchema });

function chunkPath(index: number, streaming: boolean): string {
  return streaming ? `response.body[${index}]` : "response.body";
}

/** Parses a chunk; the JSON path is only spelled out when the chunk does not fit. */
function parseChunk<T>(schema: z.ZodType<T>, value: unknown, index: number, streaming: boolean): T {
  const result = schema.safeParse(value);
  return result.success ? result.data : parseAt(schema, value, chunkPath(index, streaming));
}

function fieldsAt(item: unknown, chat: boolean, index: number, streaming: boolean): MessageFields {
  if (chat) {
    const { __type__, __data__: d } = parseChunk(chatChunkSchema, item, index, streaming);
    const message = d.message;
    return {
      type: __type__,
      done: d.done === true,
      role: message?.role || null,
      text: message?.content ?? null,
      reasoning: message?.thinking ?? null,
      toolCalls: message?.tool_calls ?? [],
      images: message?.images?.length ?? 0,
      finishReason: d.done ? (d.done_reason ?? null) : null,
    };
  }
  const { __type__, __data__: d } = parseChunk(generateChunkSchema, item, index, streaming);
  return {
    type: __type__,
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
 */
export function ollamaMessageResponse(
  items: readonly unknown[],
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

  for (let i = 0; i < items.length; i++) {
    const f = fieldsAt(items[i], chat, i, streaming);
    if (f.type !== firstType) {
      if (typeClassName(f.type) !== expected) {
        throw new SchemaMismatch(
          `${chunkPath(i, streaming)}.__type__`,
          `expected ollama._types.${expected}, found ${f.type}`,
        );
      }
      firstType = f.type;
    }
    const deltas: ChunkDelta[] = [];
    let chunkUsage: Usage | null = null;
    if (i === 0 || f.done) {
      const metrics = parseAt(metricsChunkSchema, items[i], chunkPath(i, streaming)).__data__;
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
    if (streaming) chunks.push({ index: i, deltas, raw: items[i] });
  }

  const notes = images > 0 ? [`the response carries ${images} image(s) in message.images`] : [];
  return {
    response: { type: "message", streaming, chunks, choices: assembler.result(), usage, model },
    notes,
  };
}
