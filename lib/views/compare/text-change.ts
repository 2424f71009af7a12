import { diffLines } from "diff";
import type { Change } from "@/lib/diff/change";
import { wordDiff, type TextPart } from "@/lib/diff/text-diff";
import { prettyJson } from "@/lib/views/recording/message-view";

/** Texts longer than this are diffed by line: a word diff of long, very different texts is slow. */
const WORD_DIFF_LIMIT = 20_000;

/** A word diff of two texts; by line for long texts, and whole texts when even that takes too long. */
export function textDiff(before: string, after: string): TextPart[] {
  if (before.length <= WORD_DIFF_LIMIT && after.length <= WORD_DIFF_LIMIT) return wordDiff(before, after);
  if (before === after) return [{ value: before, added: false, removed: false }];
  const parts = diffLines(before, after, { timeout: 1000 });
  if (!parts) {
    return [
      { value: before, added: false, removed: true },
      { value: after, added: true, removed: false },
    ];
  }
  return parts.map((part) => ({ value: part.value, added: part.added, removed: part.removed }));
}

/** How to show one change: a word diff for texts, else the values before and after. */
export type ChangeView =
  | { type: "text"; parts: TextPart[] }
  /** Pretty-printed JSON of each side; null where the value is absent. */
  | { type: "values"; before: string | null; after: string | null };

/** Paths whose string values are prose (message text, prompts, queries). */
const TEXT_PATH = /(content|text|prompt|input|instructions|system|message|query|reasoning)(\b|$|\[)/;

export function changeView(change: Change): ChangeView {
  const { before, after } = change;
  if (typeof before === "string" && typeof after === "string") {
    if (TEXT_PATH.test(change.path) || /\s/.test(before) || /\s/.test(after)) {
      return { type: "text", parts: textDiff(before, after) };
    }
  }
  return {
    type: "values",
    before: before === undefined ? null : prettyJson(before),
    after: after === undefined ? null : prettyJson(after),
  };
}
