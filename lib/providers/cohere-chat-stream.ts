import { MessageAssembler } from "@/lib/model/assembler";
import type { AssembledMessage, Chunk, ChunkDelta, RecordedError, Usage } from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import { cohereV1ToolCalls, cohereV1Usage, cohereV2Usage } from "./cohere-chat-response";
import {
  cohereContentDeltaSchema,
  cohereContentStartSchema,
  cohereMessageEndSchema,
  cohereMessageStartSchema,
  cohereToolCallDeltaSchema,
  cohereToolPlanDeltaSchema,
  cohereV1ChatResponseSchema,
  cohereV1LineSchema,
  cohereV2EventSchema,
} from "./cohere-chat-schemas";
import type { NdjsonLine } from "./ndjson-text";
import { sseBodyJson, type SseBodyEvent } from "./sse-body";

/**
 * Cohere chat streams, one chunk per event, every piece fed through the `MessageAssembler`:
 * v2 SSE (`message-start`, `content-start/delta/end` with text or thinking, `tool-plan-delta`,
 * `tool-call-start/delta/end`, `citation-start/end`, `message-end` with finish reason and usage),
 * and v1 NDJSON (`stream-start`, `text-generation`, `tool-calls-generation`, `stream-end`).
 */

export interface CohereStream {
  chunks: Chunk[];
  choices: AssembledMessage[];
  usage: Usage | null;
  /** A `message-end` that reports an error, when there was one. */
  error: RecordedError | null;
  notes: string[];
}

/** Numbers tool calls in order of first appearance (Cohere's `index` counts them already, but need not start at 0). */
function toolIndexer(): (index: number) => number {
  const map = new Map<number, number>();
  return (index) => {
    let out = map.get(index);
    if (out === undefined) {
      out = map.size;
      map.set(index, out);
    }
    return out;
  };
}

/** Decodes a v2 stream's SSE events (`sseBodyEvents` reads lines and text alike). */
export function decodeCohereV2Stream(events: readonly SseBodyEvent[]): CohereStream {
  const assembler = new MessageAssembler();
  const chunks: Chunk[] = [];
  const toolIndex = toolIndexer();
  /** The block type (`text`, `thinking`) each content index opened with. */
  const blocks = new Map<number, string>();
  let usage: Usage | null = null;
  let error: RecordedError | null = null;
  const notes: string[] = [];
  let sawPlan = false;

  for (const event of events) {
    const { at } = event;
    const deltas: ChunkDelta[] = [];
    if (event.data === "[DONE]") {
      chunks.push({
        index: chunks.length,
        deltas: [{ type: "event", label: "[DONE]" }],
        raw: { event: event.event, data: event.data },
      });
      continue;
    }
    const data = sseBodyJson(event);
    const { type, index } = parseAt(cohereV2EventSchema, data, at);
    switch (type) {
      case "message-start": {
        const role = parseAt(cohereMessageStartSchema, data, at).delta?.message?.role;
        deltas.push(assembler.role(0, role ?? "assistant"));
        break;
      }
      case "content-start": {
        const block = parseAt(cohereContentStartSchema, data, at).delta.message.content;
        const kind = block?.type ?? "text";
        blocks.set(index ?? 0, kind);
        if (block?.thinking) deltas.push(assembler.reasoning(0, block.thinking));
        else if (block?.text) deltas.push(assembler.text(0, block.text));
        else deltas.push({ type: "event", label: `content-start ${kind}` });
        break;
      }
      case "content-delta": {
        const { text, thinking } = parseAt(cohereContentDeltaSchema, data, at).delta.message.content;
        const piece = thinking ?? text ?? "";
        const reasoning = typeof thinking === "string" || blocks.get(index ?? 0) === "thinking";
        deltas.push(reasoning ? assembler.reasoning(0, piece) : assembler.text(0, piece));
        break;
      }
      case "tool-plan-delta": {
        sawPlan = true;
        deltas.push(
          assembler.reasoning(0, parseAt(cohereToolPlanDeltaSchema, data, at).delta.message.tool_plan),
        );
        break;
      }
      case "tool-call-start":
      case "tool-call-delta": {
        const call = parseAt(cohereToolCallDeltaSchema, data, at).delta.message.tool_calls;
        deltas.push(
          assembler.toolCall(0, toolIndex(index ?? 0), {
            id: call.id,
            name: call.function?.name,
            arguments: call.function?.arguments,
          }),
        );
        break;
      }
      case "message-end": {
        const delta = parseAt(cohereMessageEndSchema, data, at).delta;
        if (delta?.finish_reason) deltas.push(assembler.finish(0, delta.finish_reason));
        const parsed = cohereV2Usage(delta?.usage);
        if (parsed) {
          usage = parsed;
          deltas.push({ type: "usage", usage: parsed });
        }
        if (delta?.error) {
          error = { type: delta.finish_reason ?? "error", status: null, message: delta.error, body: data };
          deltas.push({ type: "event", label: `error: ${delta.error}` });
          notes.push(`the stream ends with an error (${delta.error})`);
        }
        if (deltas.length === 0) deltas.push({ type: "event", label: type });
        break;
      }
      default:
        deltas.push({ type: "event", label: type });
    }
    chunks.push({ index: chunks.length, deltas, raw: { event: event.event, data } });
  }
  if (sawPlan) notes.push("the tool plan (tool-plan-delta) is read as reasoning");
  return { chunks, choices: assembler.result(), usage, error, notes };
}

/** Decodes a v1 NDJSON stream (chat or generate); `stream-end` carries the whole answer and its counts. */
export function decodeCohereV1Stream(lines: readonly NdjsonLine[]): CohereStream {
  const assembler = new MessageAssembler();
  const chunks: Chunk[] = [];
  let usage: Usage | null = null;
  let toolCount = 0;
  for (const { value, at } of lines) {
    const line = parseAt(cohereV1LineSchema, value, at);
    const choice = line.index ?? 0;
    const deltas: ChunkDelta[] = [];
    switch (line.event_type) {
      case "stream-start":
        deltas.push(assembler.role(0, "assistant"));
        break;
      case "text-generation":
        deltas.push(assembler.text(choice, line.text ?? ""));
        break;
      case "tool-calls-generation":
        for (const call of cohereV1ToolCalls(line.tool_calls ?? []))
          deltas.push(
            assembler.toolCall(choice, toolCount++, { name: call.name, arguments: call.arguments }),
          );
        break;
      case "stream-end": {
        // Chat puts the finish reason beside the response; generate on each generation too.
        const reason =
          line.finish_reason ??
          parseAt(cohereV1ChatResponseSchema, line.response ?? {}, `${at}.response`).finish_reason;
        if (reason) deltas.push(assembler.finish(choice, reason));
        const parsed = cohereV1Usage(line.response);
        if (parsed) {
          usage = parsed;
          deltas.push({ type: "usage", usage: parsed });
        }
        if (deltas.length === 0) deltas.push({ type: "event", label: line.event_type });
        break;
      }
      default:
        deltas.push({ type: "event", label: line.event_type });
    }
    chunks.push({ index: chunks.length, deltas, raw: value });
  }
  return { chunks, choices: assembler.result(), usage, error: null, notes: [] };
}
