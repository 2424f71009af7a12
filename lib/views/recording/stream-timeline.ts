import type { Chunk, ChunkDelta, Usage } from "@/lib/model/exchange";
import { rowText } from "./shown-text";

/** Which text of a choice a range points into. */
export type FieldKey =
  | { field: "content"; choice: number }
  | { field: "reasoning"; choice: number }
  | { field: "tool"; choice: number; toolIndex: number };

/** One thing a chunk adds, as plain data for the browser (no raw chunk). */
export type TimelineItem =
  | { type: "role"; choice: number; role: string }
  | { type: "text"; choice: number; text: string; start: number; end: number }
  | { type: "reasoning"; choice: number; text: string; start: number; end: number }
  | {
      type: "tool-call";
      choice: number;
      toolIndex: number;
      id: string | null;
      name: string | null;
      arguments: string;
      start: number;
      end: number;
    }
  | { type: "finish"; choice: number; reason: string }
  | { type: "usage"; summary: string }
  | { type: "logprobs"; choice: number; count: number }
  | { type: "event"; label: string };

/** What a chunk mostly adds: the color of its cell in the strip. */
export const CELL_KINDS = ["text", "reasoning", "tool-call", "finish", "usage", "other"] as const;
export type CellKind = (typeof CELL_KINDS)[number];

export interface TimelineRow {
  index: number;
  kind: CellKind;
  items: TimelineItem[];
}

/** A short reading of token usage, e.g. `in 12 · out 30 · total 42`. */
export function usageSummary(usage: Usage): string {
  const parts: string[] = [];
  if (usage.inputTokens !== null) parts.push(`in ${usage.inputTokens}`);
  if (usage.outputTokens !== null) parts.push(`out ${usage.outputTokens}`);
  if (usage.reasoningTokens !== null) parts.push(`reasoning ${usage.reasoningTokens}`);
  if (usage.totalTokens !== null) parts.push(`total ${usage.totalTokens}`);
  return parts.length > 0 ? parts.join(" · ") : "usage";
}

function toItem(delta: ChunkDelta): TimelineItem {
  switch (delta.type) {
    case "text":
    case "reasoning":
      return { type: delta.type, choice: delta.choice, text: rowText(delta.text), ...delta.range };
    case "tool-call":
      return {
        type: "tool-call",
        choice: delta.choice,
        toolIndex: delta.toolIndex,
        id: delta.id,
        name: delta.name,
        arguments: rowText(delta.arguments),
        ...delta.range,
      };
    case "usage":
      return { type: "usage", summary: usageSummary(delta.usage) };
    case "role":
      return { type: "role", choice: delta.choice, role: delta.role };
    case "finish":
      return { type: "finish", choice: delta.choice, reason: delta.reason };
    case "logprobs":
      return { type: "logprobs", choice: delta.choice, count: delta.count };
    case "event":
      return { type: "event", label: delta.label };
  }
}

/** Content first (tool calls, reasoning, text), then finish, usage, and anything else. */
export function cellKind(items: readonly TimelineItem[]): CellKind {
  const has = (test: (item: TimelineItem) => boolean) => items.some(test);
  if (has((item) => item.type === "tool-call" && (item.arguments !== "" || item.name !== null)))
    return "tool-call";
  if (has((item) => item.type === "reasoning" && item.text !== "")) return "reasoning";
  if (has((item) => item.type === "text" && item.text !== "")) return "text";
  if (has((item) => item.type === "finish")) return "finish";
  if (has((item) => item.type === "usage")) return "usage";
  return "other";
}

/** The chunk timeline: one row per chunk with what it adds, ready to send to the browser. */
export function toTimelineRows(chunks: readonly Chunk[]): TimelineRow[] {
  return chunks.map((chunk) => {
    const items = chunk.deltas.map(toItem);
    return { index: chunk.index, kind: cellKind(items), items };
  });
}

/** The text a range item lands in, or null for items that add no text. */
export function itemField(item: TimelineItem): FieldKey | null {
  switch (item.type) {
    case "text":
      return { field: "content", choice: item.choice };
    case "reasoning":
      return { field: "reasoning", choice: item.choice };
    case "tool-call":
      return { field: "tool", choice: item.choice, toolIndex: item.toolIndex };
    default:
      return null;
  }
}

/** A stable string for a field, e.g. `0:content`, `1:tool:2`. */
export function fieldId(key: FieldKey): string {
  return key.field === "tool" ? `${key.choice}:tool:${key.toolIndex}` : `${key.choice}:${key.field}`;
}
