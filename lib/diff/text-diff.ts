import { diffWordsWithSpace } from "diff";

export interface TextPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** A word-level diff of two texts (jsdiff), whitespace kept. */
export function wordDiff(before: string, after: string): TextPart[] {
  if (before === after) return before === "" ? [] : [{ value: before, added: false, removed: false }];
  return diffWordsWithSpace(before, after).map((part) => ({
    value: part.value,
    added: part.added,
    removed: part.removed,
  }));
}
