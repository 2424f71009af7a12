import type { Change } from "@/lib/diff/change";
import type { TextPart } from "@/lib/diff/text-diff";
import type { AssembledMessage, AssembledToolCall, Usage } from "@/lib/model/exchange";
import { prettyJson } from "@/lib/views/recording/message-view";
import { changesUnder } from "./change-lists";
import { textDiff } from "./text-change";

export interface Before<T> {
  before: T;
  after: T;
  changed: boolean;
}

export interface ToolCallDiff {
  index: number;
  name: Before<string | null>;
  /** The arguments of each side, pretty-printed when valid JSON; null when the side has no such call. */
  arguments: Before<string | null>;
  /** The argument changes, as JSON paths under the call (key order is never one). */
  changes: Change[];
}

export interface ChoiceDiff {
  index: number;
  /** Whether each side has this choice. */
  present: { a: boolean; b: boolean };
  content: Before<string> & { parts: TextPart[] };
  reasoning: Before<string> & { parts: TextPart[] };
  toolCalls: ToolCallDiff[];
  finishReason: Before<string | null>;
}

export interface UsageRow {
  label: string;
  before: number | null;
  after: number | null;
}

function pair<T>(before: T, after: T): Before<T> {
  return { before, after, changed: before !== after };
}

function text(before: string, after: string): Before<string> & { parts: TextPart[] } {
  return { ...pair(before, after), parts: before === after ? [] : textDiff(before, after) };
}

function shownArguments(call: AssembledToolCall | undefined): string | null {
  if (!call) return null;
  return call.parsedArguments.ok ? prettyJson(call.parsedArguments.value) : call.arguments;
}

function toolCallDiffs(
  choice: number,
  a: readonly AssembledToolCall[],
  b: readonly AssembledToolCall[],
  response: readonly Change[],
): ToolCallDiff[] {
  const out: ToolCallDiff[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    const changes = changesUnder(response, `choices[${choice}].tool_calls[${i}]`).filter(
      (change) => !change.path.endsWith(".name"),
    );
    out.push({
      index: i,
      name: pair(x ? x.name : null, y ? y.name : null),
      arguments: { before: shownArguments(x), after: shownArguments(y), changed: changes.length > 0 },
      changes,
    });
  }
  return out;
}

const EMPTY: AssembledMessage = {
  index: 0,
  role: "assistant",
  content: "",
  reasoning: "",
  toolCalls: [],
  finishReason: null,
};

/**
 * The reply of each choice side by side: a word diff of the reassembled text and of the reasoning,
 * the tool calls by position with their argument changes (from the comparison's response changes),
 * and the finish reason.
 */
export function messageDiff(
  a: readonly AssembledMessage[],
  b: readonly AssembledMessage[],
  response: readonly Change[],
): ChoiceDiff[] {
  const out: ChoiceDiff[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? EMPTY;
    const y = b[i] ?? EMPTY;
    out.push({
      index: i,
      present: { a: a[i] !== undefined, b: b[i] !== undefined },
      content: text(x.content, y.content),
      reasoning: text(x.reasoning, y.reasoning),
      toolCalls: toolCallDiffs(i, x.toolCalls, y.toolCalls, response),
      finishReason: pair(x.finishReason, y.finishReason),
    });
  }
  return out;
}

/** Token usage before → after, the counts either side reports. */
export function usageRows(a: Usage | null, b: Usage | null): UsageRow[] {
  const fields = [
    ["input", "inputTokens"],
    ["output", "outputTokens"],
    ["reasoning", "reasoningTokens"],
    ["total", "totalTokens"],
  ] as const;
  return fields
    .map(([label, field]) => ({ label, before: a?.[field] ?? null, after: b?.[field] ?? null }))
    .filter((row) => row.before !== null || row.after !== null);
}
