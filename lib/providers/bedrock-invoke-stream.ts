import { MessageAssembler } from "@/lib/model/assembler";
import type { ChunkDelta, RecordedError, Usage } from "@/lib/model/exchange";
import type { EventStreamMessage } from "@/lib/model/http-body";
import { parseBoundedJson } from "@/lib/model/json-depth";
import { parseAt, SchemaMismatch } from "./decoder";
import { isRecord } from "./fast-read";
import { decodeAnthropicEvents, type AnthropicEvent } from "./anthropic-stream";
import { countsUsage, eventStreamError } from "./bedrock-call";
import {
  CONVERSE_EVENTS,
  ConverseEvents,
  exceptionDelta,
  type BedrockStream,
} from "./bedrock-converse-stream";
import {
  anthropicCompletionSchema,
  cohereGenerateSchema,
  invocationMetricsSchema,
  invokeChunkSchema,
  llamaResponseSchema,
  mistralOutputsSchema,
  titanTextChunkSchema,
} from "./bedrock-schemas";

/**
 * The Bedrock InvokeModelWithResponseStream API (`/model/{id}/invoke-with-response-stream`): an
 * AWS eventstream of `chunk` events whose payload is `{bytes: <base64 of the vendor's JSON chunk>}`.
 * The nested chunks are decoded and reassembled as their vendor streams them: Anthropic events
 * (through the Anthropic stream decoder), Nova's Converse-shaped events, and the text chunks of
 * the other vendors. The last chunk's `amazon-bedrock-invocationMetrics` gives the usage when the
 * vendor's chunks do not. Each chunk's `raw` is the eventstream message, with the decoded vendor
 * chunk beside its payload as `chunk`.
 */

const METRICS_KEY = "amazon-bedrock-invocationMetrics";

interface Item {
  message: EventStreamMessage;
  error: RecordedError | null;
  /** The decoded vendor chunk (undefined for exceptions). */
  data: unknown;
  /** Where the chunk's bytes are in the file. */
  at: string;
}

function decodeItem(message: EventStreamMessage, at: string): Item {
  const error = eventStreamError(message);
  if (error) return { message, error, data: undefined, at };
  const { bytes } = parseAt(invokeChunkSchema, message.payload, at);
  const bytesAt = `${at}.bytes`;
  const text = Buffer.from(bytes, "base64").toString("utf8");
  try {
    return { message, error: null, data: parseBoundedJson(text), at: bytesAt };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SchemaMismatch(bytesAt, `the base64 chunk is not JSON (${detail})`);
  }
}

function rawOf(item: Item): unknown {
  return item.data === undefined ? item.message : { ...item.message, chunk: item.data };
}

function metricsUsage(data: unknown): Usage | null {
  if (!isRecord(data)) return null;
  const parsed = invocationMetricsSchema.safeParse(data[METRICS_KEY]);
  if (!parsed.success) return null;
  return countsUsage(
    parsed.data.inputTokenCount ?? null,
    parsed.data.outputTokenCount ?? null,
    data[METRICS_KEY],
  );
}

/** The Converse event a Nova chunk holds (`{contentBlockDelta: {...}}`), or null. */
function converseEvent(data: unknown): { type: string; payload: unknown } | null {
  if (!isRecord(data)) return null;
  for (const type of CONVERSE_EVENTS) if (type in data) return { type, payload: data[type] };
  return null;
}

export interface InvokeStream extends BedrockStream {
  model: string | null;
}

/** Anthropic Messages chunks, exceptions passed on as the stream's `error` events. */
function anthropicStream(items: Item[]): InvokeStream {
  const events = items.map((item): AnthropicEvent =>
    item.error
      ? {
          event: "error",
          data: { type: "error", error: { type: item.error.type, message: item.error.message } },
          at: item.at,
          raw: rawOf(item),
        }
      : { event: null, data: item.data, at: item.at, raw: rawOf(item) },
  );
  const stream = decodeAnthropicEvents(events);
  const metrics = items.map((item) => metricsUsage(item.data)).findLast((usage) => usage !== null) ?? null;
  return {
    chunks: stream.chunks,
    choices: stream.choices,
    usage: stream.usage ?? metrics,
    error: stream.error,
    notes: stream.notes,
    model: stream.model,
  };
}

/** Text chunks of the vendors that stream plain text (Titan, Llama, Cohere, Mistral, Claude 2) or Nova events. */
function textStream(items: Item[]): InvokeStream {
  const assembler = new MessageAssembler();
  const converse = new ConverseEvents();
  const stream: InvokeStream = { chunks: [], choices: [], usage: null, error: null, notes: [], model: null };
  // Set from inside `read`: an object, so the compiler does not narrow them to their first values.
  const seen: {
    input: number | null;
    output: number | null;
    /** The counts under the vendor's own names, as the usage's `raw`. */
    counts: Record<string, number | null>;
    metrics: Usage | null;
    nova: boolean;
  } = { input: null, output: null, counts: {}, metrics: null, nova: false };
  const count = (name: string, value: number | null | undefined, which: "input" | "output") => {
    if (value === null || value === undefined) return;
    seen[which] = value;
    seen.counts[name] = value;
  };

  const read = (data: unknown, at: string): ChunkDelta[] => {
    const event = converseEvent(data);
    if (event) {
      seen.nova = true;
      return converse.read(event.type, event.payload, `${at}.${event.type}`);
    }
    if (!isRecord(data)) return [{ type: "event", label: "chunk" }];
    const deltas: ChunkDelta[] = [];
    const finish = (choice: number, reason: string | null | undefined) => {
      if (reason) deltas.push(assembler.finish(choice, reason));
    };
    if ("completion" in data) {
      const chunk = parseAt(anthropicCompletionSchema, data, at);
      deltas.push(assembler.text(0, chunk.completion));
      finish(0, chunk.stop_reason);
    } else if ("outputText" in data) {
      const chunk = parseAt(titanTextChunkSchema, data, at);
      const choice = chunk.index ?? 0;
      deltas.push(assembler.text(choice, chunk.outputText));
      finish(choice, chunk.completionReason);
      count("inputTextTokenCount", chunk.inputTextTokenCount, "input");
      count("totalOutputTextTokenCount", chunk.totalOutputTextTokenCount, "output");
    } else if ("generation" in data) {
      const chunk = parseAt(llamaResponseSchema, data, at);
      deltas.push(assembler.text(0, chunk.generation));
      finish(0, chunk.stop_reason);
      count("prompt_token_count", chunk.prompt_token_count, "input");
      count("generation_token_count", chunk.generation_token_count, "output");
    } else if ("generations" in data) {
      parseAt(cohereGenerateSchema, data, at).generations.forEach((generation, i) => {
        const choice = generation.index ?? i;
        deltas.push(assembler.text(choice, generation.text));
        finish(choice, generation.finish_reason);
      });
    } else if ("outputs" in data) {
      parseAt(mistralOutputsSchema, data, at).outputs.forEach((entry, i) => {
        deltas.push(assembler.text(i, entry.text));
        finish(i, entry.stop_reason);
      });
    }
    const usage = metricsUsage(data);
    if (usage) {
      seen.metrics = usage;
      deltas.push({ type: "usage", usage });
    }
    return deltas.length > 0 ? deltas : [{ type: "event", label: Object.keys(data).join(", ") || "chunk" }];
  };

  items.forEach((item, i) => {
    const deltas = item.error ? [exceptionDelta(item.error, stream)] : read(item.data, item.at);
    stream.chunks.push({ index: i, deltas, raw: rawOf(item) });
  });
  const { input, output, metrics } = seen;
  if (seen.nova) {
    stream.choices = converse.result();
    stream.usage = converse.usage ?? metrics;
  } else {
    stream.choices = assembler.result();
    stream.usage = countsUsage(input, output, seen.counts) ?? metrics;
  }
  return stream;
}

/** Decodes the eventstream messages of an InvokeModelWithResponseStream body found at `path`. */
export function decodeInvokeStream(messages: readonly EventStreamMessage[], path: string): InvokeStream {
  const items = messages.map((message, i) => decodeItem(message, `${path}.$eventstream[${i}].payload`));
  const anthropic = items.some((item) => isRecord(item.data) && typeof item.data.type === "string");
  return anthropic ? anthropicStream(items) : textStream(items);
}
