import type { AssembledMessage, AssembledToolCall, ChunkDelta, Role } from "./exchange";
import { parseBoundedJson } from "@/lib/model/json-depth";

interface ToolCallState {
  index: number;
  id: string | null;
  name: string | null;
  fragments: string[];
  length: number;
}

interface ChoiceState {
  role: Role | null;
  content: string[];
  contentLength: number;
  reasoning: string[];
  reasoningLength: number;
  toolCalls: Map<number, ToolCallState>;
  finishReason: string | null;
}

/**
 * Rebuilds messages from stream deltas, one choice at a time, and tells each delta which
 * character range it fills. Every stream decoder feeds it, so all providers reassemble alike:
 * text and reasoning kept apart, tool-call fragments joined per tool index, choices kept apart.
 */
export class MessageAssembler {
  private readonly choices = new Map<number, ChoiceState>();
  /** The choice asked for last: a stream feeds one choice many times in a row. */
  private lastIndex = -1;
  private lastState: ChoiceState | null = null;

  constructor(private readonly defaultRole: Role = "assistant") {}

  private choice(index: number): ChoiceState {
    if (index === this.lastIndex && this.lastState) return this.lastState;
    let state = this.choices.get(index);
    if (!state) {
      state = {
        role: null,
        content: [],
        contentLength: 0,
        reasoning: [],
        reasoningLength: 0,
        toolCalls: new Map(),
        finishReason: null,
      };
      this.choices.set(index, state);
    }
    this.lastIndex = index;
    this.lastState = state;
    return state;
  }

  /** Makes sure a choice exists even if it never receives content. */
  touch(choice: number): void {
    this.choice(choice);
  }

  role(choice: number, role: Role): ChunkDelta {
    const state = this.choice(choice);
    state.role ??= role;
    return { type: "role", choice, role };
  }

  text(choice: number, text: string): ChunkDelta {
    const state = this.choice(choice);
    const start = state.contentLength;
    state.content.push(text);
    state.contentLength += text.length;
    return { type: "text", choice, text, range: { start, end: state.contentLength } };
  }

  reasoning(choice: number, text: string): ChunkDelta {
    const state = this.choice(choice);
    const start = state.reasoningLength;
    state.reasoning.push(text);
    state.reasoningLength += text.length;
    return { type: "reasoning", choice, text, range: { start, end: state.reasoningLength } };
  }

  /** A piece of a tool call. The first non-empty id and name win; argument fragments are joined. */
  toolCall(
    choice: number,
    toolIndex: number,
    piece: { id?: string | null; name?: string | null; arguments?: string | null },
  ): ChunkDelta {
    const state = this.choice(choice);
    let call = state.toolCalls.get(toolIndex);
    if (!call) {
      call = { index: toolIndex, id: null, name: null, fragments: [], length: 0 };
      state.toolCalls.set(toolIndex, call);
    }
    if (piece.id) call.id ??= piece.id;
    if (piece.name) call.name ??= piece.name;
    const fragment = piece.arguments ?? "";
    const start = call.length;
    if (fragment !== "") {
      call.fragments.push(fragment);
      call.length += fragment.length;
    }
    return {
      type: "tool-call",
      choice,
      toolIndex,
      id: piece.id ?? null,
      name: piece.name ?? null,
      arguments: fragment,
      range: { start, end: call.length },
    };
  }

  finish(choice: number, reason: string): ChunkDelta {
    this.choice(choice).finishReason = reason;
    return { type: "finish", choice, reason };
  }

  /** The reassembled choices in index order (at least one). */
  result(): AssembledMessage[] {
    if (this.choices.size === 0) this.choice(0);
    return [...this.choices.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, state]) => ({
        index,
        role: state.role ?? this.defaultRole,
        content: state.content.join(""),
        reasoning: state.reasoning.join(""),
        toolCalls: [...state.toolCalls.values()]
          .sort((a, b) => a.index - b.index)
          .map((call) => assembledToolCall(call.index, call.id, call.name, call.fragments)),
        finishReason: state.finishReason,
      }));
  }
}

/** A tool call from its fragments, with the joined arguments parsed as JSON when valid. */
export function assembledToolCall(
  index: number,
  id: string | null,
  name: string | null,
  fragments: string[],
): AssembledToolCall {
  const joined = fragments.join("");
  return { index, id, name, arguments: joined, fragments, parsedArguments: parseArguments(joined) };
}

export function parseArguments(text: string): AssembledToolCall["parsedArguments"] {
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    const value: unknown = parseBoundedJson(text);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
