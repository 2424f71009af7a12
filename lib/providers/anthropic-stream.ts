import { z } from "zod";
import { MessageAssembler } from "@/lib/model/assembler";
import type { AssembledMessage, Chunk, ChunkDelta, RecordedError, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt, SchemaMismatch } from "./decoder";
import { isRecord, MISFIT, record } from "./fast-read";
import { inputArguments } from "./anthropic-request";
import { sseBodyJson, type SseBodyEvent } from "./sse-body";

/**
 * An Anthropic messages stream (SSE lines in llama-stack, SSE text in HTTP cassettes, both read
 * into `SseBodyEvent`s by the caller): one chunk per event, every delta fed
 * through the `MessageAssembler` (thinking → reasoning, tool_use blocks → tool calls numbered in
 * block order, `input_json_delta` fragments → their arguments).
 */

const messageStartSchema = z.looseObject({
  message: z.looseObject({
    model: z.string().nullish(),
    role: z.string().nullish(),
    usage: z.record(z.string(), z.unknown()).nullish(),
  }),
});

const blockStartSchema = z.looseObject({
  index: z.number().int(),
  content_block: z.looseObject({
    type: z.string(),
    text: z.string().optional(),
    thinking: z.string().optional(),
    id: z.string().nullish(),
    name: z.string().nullish(),
    input: z.unknown().optional(),
  }),
});

const blockDeltaSchema = z.looseObject({
  index: z.number().int(),
  delta: z.looseObject({ type: z.string() }),
});

/** The field each known delta type carries its text in. */
const DELTA_FIELDS: Record<string, string> = {
  text_delta: "text",
  thinking_delta: "thinking",
  input_json_delta: "partial_json",
};
const DELTA_SCHEMAS: Record<string, z.ZodType> = {
  text_delta: z.looseObject({ delta: z.looseObject({ text: z.string() }) }),
  thinking_delta: z.looseObject({ delta: z.looseObject({ thinking: z.string() }) }),
  input_json_delta: z.looseObject({ delta: z.looseObject({ partial_json: z.string() }) }),
};

interface BlockDelta {
  index: number;
  type: string;
  /** The text, thinking or JSON fragment; null for other delta types (signatures, citations). */
  piece: string | null;
}

/** Reads a content_block_delta by hand (the hot path); falls back to zod to name a mismatch. */
function readBlockDelta(data: unknown, at: string): BlockDelta {
  try {
    const event = record(data);
    const delta = record(event.delta);
    const { index } = event;
    const { type } = delta;
    if (typeof index !== "number" || !Number.isInteger(index) || typeof type !== "string") throw MISFIT;
    const field = DELTA_FIELDS[type];
    if (field === undefined) return { index, type, piece: null };
    const piece = delta[field];
    if (typeof piece !== "string") throw MISFIT;
    return { index, type, piece };
  } catch (error) {
    if (error !== MISFIT) throw error;
    const { delta } = parseAt(blockDeltaSchema, data, at);
    parseAt(DELTA_SCHEMAS[delta.type] ?? blockDeltaSchema, data, at);
    throw new SchemaMismatch(at, "unexpected content_block_delta shape");
  }
}

const messageDeltaSchema = z.looseObject({
  delta: z.looseObject({ stop_reason: z.string().nullish() }).nullish(),
  usage: z.record(z.string(), z.unknown()).nullish(),
});

const errorSchema = z.looseObject({
  error: z.looseObject({ type: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

/** Block types that are tool calls (client tools, and server tools the API runs itself). */
const TOOL_BLOCKS = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);

export interface AnthropicStream {
  chunks: Chunk[];
  choices: AssembledMessage[];
  usage: Usage | null;
  model: string | null;
  /** The `error` event of the stream, when there was one. */
  error: RecordedError | null;
  notes: string[];
}

function isEmpty(input: unknown): boolean {
  if (input === undefined || input === null) return true;
  return typeof input === "object" && Object.keys(input).length === 0;
}

/** One stream event, already parsed: from SSE (lines or text), or from elsewhere (Bedrock eventstream chunks). */
export interface AnthropicEvent {
  /** The SSE `event:` name, when there is one. */
  event: string | null;
  /** The event's data parsed as JSON (or the string `[DONE]`). */
  data: unknown;
  /** Where the data is in the file, for `SchemaMismatch`. */
  at: string;
  /** The event as recorded, kept as the chunk's `raw`. */
  raw: unknown;
}

function* sseAnthropicEvents(events: readonly SseBodyEvent[]): Generator<AnthropicEvent> {
  for (const event of events) {
    const data = event.data === "[DONE]" ? event.data : sseBodyJson(event);
    yield { event: event.event, data, at: event.at, raw: { event: event.event, data } };
  }
}

/** Decodes the SSE events of a stream body (`sseBodyEvents` reads lines and text alike). */
export function decodeAnthropicStream(events: readonly SseBodyEvent[]): AnthropicStream {
  return decodeAnthropicEvents(sseAnthropicEvents(events));
}

/** Decodes parsed Anthropic stream events (one chunk each). */
export function decodeAnthropicEvents(events: Iterable<AnthropicEvent>): AnthropicStream {
  const assembler = new MessageAssembler();
  const chunks: Chunk[] = [];
  const toolIndexOfBlock = new Map<number, number>();
  const usage: Record<string, unknown> = {};
  let sawUsage = false;
  let model: string | null = null;
  let error: RecordedError | null = null;
  const notes: string[] = [];

  const toolIndex = (block: number): number => {
    let index = toolIndexOfBlock.get(block);
    if (index === undefined) {
      index = toolIndexOfBlock.size;
      toolIndexOfBlock.set(block, index);
    }
    return index;
  };
  const usageDelta = (raw: Record<string, unknown> | null | undefined, deltas: ChunkDelta[]) => {
    if (!raw) return;
    // Counts in message_delta are cumulative: a later value replaces an earlier one.
    for (const [key, value] of Object.entries(raw))
      if (value !== null && value !== undefined) usage[key] = value;
    sawUsage = true;
    const parsed = usageFrom(raw);
    if (parsed) deltas.push({ type: "usage", usage: parsed });
  };

  for (const { event: name, data, at, raw } of events) {
    const deltas: ChunkDelta[] = [];
    if (data === "[DONE]") {
      chunks.push({ index: chunks.length, deltas: [{ type: "event", label: "[DONE]" }], raw });
      continue;
    }
    const type = (isRecord(data) && typeof data.type === "string" ? data.type : null) ?? name ?? "unknown";
    switch (type) {
      case "message_start": {
        const { message } = parseAt(messageStartSchema, data, at);
        model ??= message.model ?? null;
        deltas.push(assembler.role(0, message.role ?? "assistant"));
        usageDelta(message.usage, deltas);
        break;
      }
      case "content_block_start": {
        const { index, content_block: block } = parseAt(blockStartSchema, data, at);
        if (TOOL_BLOCKS.has(block.type)) {
          const args = isEmpty(block.input) ? "" : inputArguments(block.input);
          deltas.push(
            assembler.toolCall(0, toolIndex(index), { id: block.id, name: block.name, arguments: args }),
          );
        } else if (block.type === "text" && block.text) {
          deltas.push(assembler.text(0, block.text));
        } else if (block.type === "thinking" && block.thinking) {
          deltas.push(assembler.reasoning(0, block.thinking));
        } else {
          deltas.push({ type: "event", label: `content_block_start ${block.type}` });
        }
        break;
      }
      case "content_block_delta": {
        const { index, type: deltaType, piece } = readBlockDelta(data, at);
        if (piece === null) deltas.push({ type: "event", label: deltaType });
        else if (deltaType === "text_delta") deltas.push(assembler.text(0, piece));
        else if (deltaType === "thinking_delta") deltas.push(assembler.reasoning(0, piece));
        else deltas.push(assembler.toolCall(0, toolIndex(index), { arguments: piece }));
        break;
      }
      case "message_delta": {
        const parsed = parseAt(messageDeltaSchema, data, at);
        const reason = parsed.delta?.stop_reason;
        if (reason) deltas.push(assembler.finish(0, reason));
        usageDelta(parsed.usage, deltas);
        if (deltas.length === 0) deltas.push({ type: "event", label: type });
        break;
      }
      case "error": {
        const parsed = parseAt(errorSchema, data, at).error;
        error = {
          type: parsed?.type ?? "error",
          status: null,
          message: parsed?.message ?? "",
          body: data,
        };
        deltas.push({
          type: "event",
          label: `error: ${error.type}${error.message ? `: ${error.message}` : ""}`,
        });
        notes.push(
          `the stream carries an error event (${error.type}${error.message ? `: ${error.message}` : ""})`,
        );
        break;
      }
      default:
        deltas.push({ type: "event", label: type });
    }
    chunks.push({ index: chunks.length, deltas, raw });
  }
  return {
    chunks,
    choices: assembler.result(),
    usage: sawUsage ? usageFrom(usage) : null,
    model,
    error,
    notes,
  };
}
