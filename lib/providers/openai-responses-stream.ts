import { MessageAssembler } from "@/lib/model/assembler";
import type { AssembledMessage, Chunk, ChunkDelta, RecordedError, Usage } from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import type { StreamItem } from "./openai-body";
import {
  decodeResponseObject,
  REASONING_SEPARATOR,
  serverItemsNote,
  TOOL_CALL_TYPES,
  toolCallId,
  type DecodedResponse,
} from "./openai-responses-output";
import {
  deltaEventSchema,
  eventSchema,
  itemEventSchema,
  lifecycleEventSchema,
  messageItemSchema,
  reasoningItemSchema,
  toolCallItemSchema,
} from "./openai-responses-schemas";
import { errorFromBody } from "./raw-http";

/**
 * A Responses stream (`response.created` … `response.completed`) reassembled through
 * `MessageAssembler`: output text, reasoning (summaries and raw reasoning text, parts separated
 * as `decodeResponseObject` separates them) and tool calls whose argument deltas are joined per
 * output item (by `output_index`, else `item_id`). An item that ends (`output_item.done`) with
 * nothing streamed for it contributes its final content then. The response the closing event
 * carries is decoded too, and a stream that does not add up to it is noted.
 */

export interface DecodedResponsesStream {
  chunks: Chunk[];
  choices: AssembledMessage[];
  usage: Usage | null;
  model: string | null;
  /** An `error` event, or the error of a `response.failed`. */
  error: RecordedError | null;
  /** The response carried by `response.completed` / `incomplete` / `failed`, decoded. */
  final: DecodedResponse | null;
  notes: string[];
}

interface ItemState {
  type: string;
  /** Something was streamed for this item (text, reasoning or argument deltas). */
  streamed: boolean;
  /** The item's position among tool calls, for call items. */
  toolIndex: number | null;
}

const LIFECYCLE_START = new Set(["response.created", "response.in_progress", "response.queued"]);
const LIFECYCLE_END = new Set(["response.completed", "response.incomplete", "response.failed"]);
const ARGUMENT_DELTAS = new Set([
  "response.function_call_arguments.delta",
  "response.custom_tool_call_input.delta",
  "response.mcp_call_arguments.delta",
]);

class StreamState {
  readonly assembler = new MessageAssembler();
  private readonly items = new Map<string, ItemState>();
  private readonly keysById = new Map<string, string>();
  private toolCount = 0;
  private lastReasoningKey: string | null = null;
  usage: Usage | null = null;
  model: string | null = null;
  error: RecordedError | null = null;
  final: DecodedResponse | null = null;
  finalEvent: string | null = null;
  refusal = "";
  readonly serverItems: string[] = [];

  /** The item a delta or item event is about: by output index, else by item id. */
  key(outputIndex: number | null | undefined, itemId: string | null | undefined): string {
    if (outputIndex !== null && outputIndex !== undefined) {
      const key = `o${outputIndex}`;
      if (itemId) this.keysById.set(itemId, key);
      return key;
    }
    if (itemId) return this.keysById.get(itemId) ?? `i${itemId}`;
    return "o?";
  }

  item(key: string, type: string): ItemState {
    let state = this.items.get(key);
    if (!state) {
      state = { type, streamed: false, toolIndex: TOOL_CALL_TYPES.has(type) ? this.toolCount++ : null };
      this.items.set(key, state);
    }
    return state;
  }

  text(key: string, text: string, out: ChunkDelta[]): void {
    this.item(key, "message").streamed = true;
    if (text !== "") out.push(this.assembler.text(0, text));
  }

  /** A reasoning piece; a new part (another summary, another item) starts after a separator. */
  reasoning(key: string, part: string, text: string, out: ChunkDelta[]): void {
    this.item(key, "reasoning").streamed = true;
    if (text === "") return;
    const partKey = `${key}:${part}`;
    if (this.lastReasoningKey !== null && this.lastReasoningKey !== partKey) {
      out.push(this.assembler.reasoning(0, REASONING_SEPARATOR));
    }
    this.lastReasoningKey = partKey;
    out.push(this.assembler.reasoning(0, text));
  }

  toolCall(
    key: string,
    type: string,
    piece: { id?: string | null; name?: string | null; arguments?: string | null },
    out: ChunkDelta[],
  ): void {
    const state = this.item(key, type);
    if (piece.arguments) state.streamed = true;
    out.push(this.assembler.toolCall(0, state.toolIndex ?? 0, piece));
  }

  /** An item ended: what was never streamed for it comes from its final form. */
  itemDone(key: string, raw: unknown, type: string, path: string, out: ChunkDelta[]): void {
    const state = this.item(key, type);
    if (state.streamed) return;
    if (type === "message") {
      const item = parseAt(messageItemSchema, raw, path);
      const parts = typeof item.content === "string" ? [item.content] : (item.content ?? []).map(partText);
      this.text(key, parts.join(""), out);
    } else if (type === "reasoning") {
      const item = parseAt(reasoningItemSchema, raw, path);
      (item.summary ?? []).forEach((part, i) => this.reasoning(key, `s${i}`, part.text, out));
      (item.content ?? []).forEach((part, i) => this.reasoning(key, `c${i}`, part.text, out));
    } else if (TOOL_CALL_TYPES.has(type)) {
      const item = parseAt(toolCallItemSchema, raw, path);
      const args = item.type === "custom_tool_call" ? item.input : item.arguments;
      if (args) this.toolCall(key, type, { id: toolCallId(item), name: item.name, arguments: args }, out);
    }
  }
}

function partText(part: { type: string; text?: string | null }): string {
  return part.type === "output_text" && part.text ? part.text : "";
}

function onItemEvent(name: string, data: unknown, path: string, state: StreamState, out: ChunkDelta[]): void {
  const { item, output_index: outputIndex } = parseAt(itemEventSchema, data, path);
  const key = state.key(outputIndex, item.id);
  const itemPath = `${path}.item`;
  if (name === "response.output_item.done") {
    state.itemDone(key, item, item.type, itemPath, out);
    out.push({ type: "event", label: name });
    return;
  }
  state.item(key, item.type);
  if (item.type === "message") out.push(state.assembler.role(0, "assistant"));
  else if (TOOL_CALL_TYPES.has(item.type)) {
    const call = parseAt(toolCallItemSchema, item, itemPath);
    state.toolCall(key, call.type, { id: toolCallId(call), name: call.name }, out);
  } else {
    if (item.type !== "reasoning") state.serverItems.push(item.type);
    out.push({ type: "event", label: `${name} (${item.type})` });
  }
}

function onLifecycle(name: string, data: unknown, path: string, state: StreamState, out: ChunkDelta[]): void {
  const { response } = parseAt(lifecycleEventSchema, data, path);
  state.model ??= response.model ?? null;
  if (!LIFECYCLE_END.has(name)) {
    out.push({ type: "event", label: name });
    return;
  }
  const final = decodeResponseObject(response, `${path}.response`, null);
  state.final = final;
  state.finalEvent = name;
  if (final.choice.finishReason) out.push(state.assembler.finish(0, final.choice.finishReason));
  if (final.usage) {
    state.usage = final.usage;
    out.push({ type: "usage", usage: final.usage });
  }
  state.error ??= final.error;
}

function onDelta(name: string, data: unknown, path: string, state: StreamState, out: ChunkDelta[]): void {
  const event = parseAt(deltaEventSchema, data, path);
  const key = state.key(event.output_index, event.item_id);
  if (name === "response.output_text.delta") state.text(key, event.delta, out);
  else if (name === "response.reasoning_summary_text.delta") {
    state.reasoning(key, `s${event.summary_index ?? 0}`, event.delta, out);
  } else if (name === "response.reasoning_text.delta") {
    state.reasoning(key, `c${event.content_index ?? 0}`, event.delta, out);
  } else if (name === "response.refusal.delta") {
    state.refusal += event.delta;
    out.push({ type: "event", label: name });
  } else {
    const type =
      name === "response.custom_tool_call_input.delta"
        ? "custom_tool_call"
        : name === "response.mcp_call_arguments.delta"
          ? "mcp_call"
          : "function_call";
    state.toolCall(key, type, { arguments: event.delta }, out);
  }
}

const TEXT_DELTAS = new Set([
  "response.output_text.delta",
  "response.reasoning_summary_text.delta",
  "response.reasoning_text.delta",
  "response.refusal.delta",
  ...ARGUMENT_DELTAS,
]);

function feedEvent(data: unknown, path: string, state: StreamState, out: ChunkDelta[]): void {
  const { type: name } = parseAt(eventSchema, data, path);
  if (TEXT_DELTAS.has(name)) onDelta(name, data, path, state, out);
  else if (name === "response.output_item.added" || name === "response.output_item.done") {
    onItemEvent(name, data, path, state, out);
  } else if (LIFECYCLE_START.has(name) || LIFECYCLE_END.has(name)) onLifecycle(name, data, path, state, out);
  else if (name === "error") {
    state.error ??= errorFromBody(data, null);
    out.push({ type: "event", label: "error" });
  } else out.push({ type: "event", label: name });
}

/** Notes where the stream and the response its closing event carries disagree. */
function consistencyNotes(choice: AssembledMessage | undefined, state: StreamState): string[] {
  const final = state.final;
  if (!final || !choice) return [];
  const notes: string[] = [];
  const event = state.finalEvent ?? "closing";
  const compare = (what: string, streamed: string, closing: string) => {
    if (streamed !== closing) {
      notes.push(
        `The streamed ${what} (${streamed.length} characters) differs from the ${what} in the stream's own ${event} event (${closing.length} characters).`,
      );
    }
  };
  compare("text", choice.content, final.choice.content);
  compare("reasoning", choice.reasoning, final.choice.reasoning);
  const args = (calls: AssembledMessage["toolCalls"]) =>
    calls.map((call) => `${call.name}(${call.arguments})`).join("\n");
  compare("tool calls", args(choice.toolCalls), args(final.choice.toolCalls));
  return notes;
}

/** Decodes a Responses stream. Throws `SchemaMismatch` naming the event that does not fit. */
export function decodeResponsesStream(items: readonly StreamItem[]): DecodedResponsesStream {
  const state = new StreamState();
  const chunks: Chunk[] = [];
  items.forEach((item, index) => {
    const deltas: ChunkDelta[] = [];
    feedEvent(item.data, item.path, state, deltas);
    chunks.push({ index, deltas, raw: item.raw });
  });
  const choices = state.assembler.result();
  const notes: string[] = [];
  if (state.refusal !== "") notes.push(`The model refused: ${state.refusal}`);
  notes.push(
    ...serverItemsNote(state.serverItems.length > 0 ? state.serverItems : (state.final?.serverItems ?? [])),
  );
  notes.push(...consistencyNotes(choices[0], state));
  return {
    chunks,
    choices,
    usage: state.usage,
    model: state.model ?? state.final?.model ?? null,
    error: state.error,
    final: state.final,
    notes,
  };
}
