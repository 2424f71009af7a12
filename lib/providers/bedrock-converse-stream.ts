import { MessageAssembler } from "@/lib/model/assembler";
import type { AssembledMessage, Chunk, ChunkDelta, RecordedError, Usage } from "@/lib/model/exchange";
import type { EventStreamMessage } from "@/lib/model/http-body";
import { parseAt } from "./decoder";
import { isRecord } from "./fast-read";
import { bedrockUsage, errorLabel, eventStreamError } from "./bedrock-call";
import {
  blockDeltaSchema,
  blockStartSchema,
  messageStartSchema,
  messageStopSchema,
  metadataSchema,
  reasoningDeltaSchema,
  textBlockSchema,
  toolUseDeltaSchema,
} from "./bedrock-schemas";

/**
 * The Bedrock ConverseStream API (`/model/{id}/converse-stream`): an AWS eventstream whose
 * messages are `messageStart`, `contentBlockStart`, `contentBlockDelta`, `contentBlockStop`,
 * `messageStop` and `metadata` events (or exceptions). One chunk per message; text, reasoning and
 * tool-input deltas fed through the `MessageAssembler` (tool calls numbered in block order).
 * Amazon Nova's InvokeModel stream sends the same events, one per chunk, keyed by their type.
 */

export const CONVERSE_EVENTS = [
  "messageStart",
  "contentBlockStart",
  "contentBlockDelta",
  "contentBlockStop",
  "messageStop",
  "metadata",
] as const;

/**
 * The event type of a payload whose `:event-type` header is missing, by the keys only that
 * event has (recorders that redact headers may also drop them).
 */
export function converseEventType(payload: unknown): string | null {
  if (!isRecord(payload)) return null;
  if ("delta" in payload) return "contentBlockDelta";
  if ("start" in payload) return "contentBlockStart";
  if ("stopReason" in payload) return "messageStop";
  if ("usage" in payload || "metrics" in payload) return "metadata";
  if ("role" in payload) return "messageStart";
  if ("contentBlockIndex" in payload) return "contentBlockStop";
  return null;
}

/** Rebuilds one message from Converse stream events. */
export class ConverseEvents {
  private readonly assembler = new MessageAssembler();
  private readonly toolIndexOfBlock = new Map<number, number>();
  usage: Usage | null = null;

  private toolIndex(block: number): number {
    let index = this.toolIndexOfBlock.get(block);
    if (index === undefined) {
      index = this.toolIndexOfBlock.size;
      this.toolIndexOfBlock.set(block, index);
    }
    return index;
  }

  private delta(payload: unknown, at: string): ChunkDelta {
    const { contentBlockIndex: block, delta } = parseAt(blockDeltaSchema, payload, at);
    const a = this.assembler;
    if ("text" in delta) return a.text(0, parseAt(textBlockSchema, delta, `${at}.delta`).text);
    if ("toolUse" in delta) {
      const { input } = parseAt(toolUseDeltaSchema, delta, `${at}.delta`).toolUse;
      return a.toolCall(0, this.toolIndex(block), { arguments: input });
    }
    if ("reasoningContent" in delta) {
      const reasoning = parseAt(reasoningDeltaSchema, delta, `${at}.delta`).reasoningContent;
      if (reasoning.text !== undefined) return a.reasoning(0, reasoning.text);
      if (reasoning.signature !== undefined) return { type: "event", label: "reasoning signature" };
      if (reasoning.redactedContent !== undefined) return { type: "event", label: "redacted reasoning" };
      return { type: "event", label: "reasoningContent" };
    }
    return { type: "event", label: Object.keys(delta).join(", ") || "contentBlockDelta" };
  }

  /** The deltas of one event (`type` from `:event-type`), whose payload is at `at` in the file. */
  read(type: string, payload: unknown, at: string): ChunkDelta[] {
    switch (type) {
      case "messageStart":
        return [this.assembler.role(0, parseAt(messageStartSchema, payload, at).role ?? "assistant")];
      case "contentBlockStart": {
        const { contentBlockIndex: block, start } = parseAt(blockStartSchema, payload, at);
        const tool = start?.toolUse;
        if (tool) {
          return [this.assembler.toolCall(0, this.toolIndex(block), { id: tool.toolUseId, name: tool.name })];
        }
        const kind = isRecord(start) ? Object.keys(start)[0] : undefined;
        return [{ type: "event", label: kind ? `contentBlockStart ${kind}` : "contentBlockStart" }];
      }
      case "contentBlockDelta":
        return [this.delta(payload, at)];
      case "messageStop": {
        const reason = parseAt(messageStopSchema, payload, at).stopReason;
        return reason ? [this.assembler.finish(0, reason)] : [{ type: "event", label: type }];
      }
      case "metadata": {
        const usage = bedrockUsage(parseAt(metadataSchema, payload, at).usage);
        if (!usage) return [{ type: "event", label: type }];
        this.usage = usage;
        return [{ type: "usage", usage }];
      }
      default:
        return [{ type: "event", label: type }];
    }
  }

  result(): AssembledMessage[] {
    return this.assembler.result();
  }
}

export interface BedrockStream {
  chunks: Chunk[];
  choices: AssembledMessage[];
  usage: Usage | null;
  /** The first exception the stream carries, when it carries one. */
  error: RecordedError | null;
  notes: string[];
}

/** Notes the first exception of a stream and turns each into an event delta. */
export function exceptionDelta(
  error: RecordedError,
  stream: { error: RecordedError | null; notes: string[] },
): ChunkDelta {
  if (stream.error === null) {
    stream.error = error;
    stream.notes.push(`the stream carries an exception (${errorLabel(error)})`);
  }
  return { type: "event", label: `exception ${errorLabel(error)}` };
}

/** Decodes the eventstream messages of a ConverseStream body found at `path` (`response.body`). */
export function decodeConverseStream(messages: readonly EventStreamMessage[], path: string): BedrockStream {
  const events = new ConverseEvents();
  const stream: BedrockStream = { chunks: [], choices: [], usage: null, error: null, notes: [] };
  messages.forEach((message, i) => {
    const at = `${path}.$eventstream[${i}].payload`;
    const error = eventStreamError(message);
    let deltas: ChunkDelta[];
    if (error) deltas = [exceptionDelta(error, stream)];
    else {
      const header = message.headers[":event-type"];
      const type = typeof header === "string" ? header : converseEventType(message.payload);
      deltas =
        type === null ? [{ type: "event", label: "unknown event" }] : events.read(type, message.payload, at);
    }
    stream.chunks.push({ index: i, deltas, raw: message });
  });
  stream.choices = events.result();
  stream.usage = events.usage;
  return stream;
}
