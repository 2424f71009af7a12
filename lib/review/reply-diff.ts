import { diffWordsWithSpace } from "diff";
import type { TextPart } from "@/lib/diff/text-diff";

/**
 * How to show a reply that changed: a word diff when the two texts share most of their words,
 * else the text before and after (a word diff of two unrelated texts is confetti).
 */
export type ReplyDiff =
  { kind: "inline"; parts: TextPart[] } | { kind: "rewritten"; before: string; after: string };

/** Longer texts are cut before diffing, so one huge reply cannot stall a review. */
const MAX_DIFF_CHARS = 20_000;

/** The least share of unchanged characters for a word diff to be worth reading. */
const MIN_SHARED = 0.4;

function tokens(text: string): number {
  return text.split(/\s+/).length * 2;
}

export function replyDiff(before: string, after: string): ReplyDiff {
  const a = before.slice(0, MAX_DIFF_CHARS);
  const b = after.slice(0, MAX_DIFF_CHARS);
  // Two unrelated texts cost the diff its worst case (every token an edit): give up early.
  const maxEditLength = Math.max(16, Math.ceil(0.6 * (tokens(a) + tokens(b))));
  const changes = diffWordsWithSpace(a, b, { maxEditLength });
  if (!changes) return { kind: "rewritten", before, after };
  const parts = changes.map((c) => ({ value: c.value, added: c.added, removed: c.removed }));
  const shared = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.trim().length, 0);
  const longest = Math.max(a.trim().length, b.trim().length, 1);
  return shared / longest >= MIN_SHARED ? { kind: "inline", parts } : { kind: "rewritten", before, after };
}

/** Cuts text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length > max
    ? `${text.slice(0, max)}… (${(text.length - max).toLocaleString("en-US")} more characters)`
    : text;
}

/** Cuts a word diff after `max` characters in all, marking the cut with an unchanged part. */
export function clipParts(parts: readonly TextPart[], max: number): TextPart[] {
  const out: TextPart[] = [];
  let used = 0;
  for (const part of parts) {
    if (used + part.value.length > max) {
      out.push({ ...part, value: part.value.slice(0, Math.max(0, max - used)) });
      out.push({ value: " … (cut)", added: false, removed: false });
      return out;
    }
    out.push(part);
    used += part.value.length;
  }
  return out;
}
