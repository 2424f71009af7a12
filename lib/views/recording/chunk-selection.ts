import { fieldId, itemField, type TimelineRow } from "./stream-timeline";

/** A character range in one field of the reassembled message (see `fieldId`). */
export interface FieldRange {
  field: string;
  start: number;
  end: number;
}

interface Spans {
  starts: number[];
  ends: number[];
  chunks: number[];
}

/** For each field, the non-empty ranges chunks filled, in order (they never overlap). */
export type RangeIndex = Map<string, Spans>;

/** The ranges a chunk filled (empty deltas fill nothing). */
export function rangesOfChunk(row: TimelineRow): FieldRange[] {
  const ranges: FieldRange[] = [];
  for (const item of row.items) {
    const key = itemField(item);
    if (!key || !("start" in item) || item.end <= item.start) continue;
    ranges.push({ field: fieldId(key), start: item.start, end: item.end });
  }
  return ranges;
}

export function buildRangeIndex(rows: readonly TimelineRow[]): RangeIndex {
  const index: RangeIndex = new Map();
  for (const row of rows) {
    for (const range of rangesOfChunk(row)) {
      let spans = index.get(range.field);
      if (!spans) {
        spans = { starts: [], ends: [], chunks: [] };
        index.set(range.field, spans);
      }
      spans.starts.push(range.start);
      spans.ends.push(range.end);
      spans.chunks.push(row.index);
    }
  }
  return index;
}

/** The chunks whose ranges overlap [start, end) of a field, in stream order. */
export function chunksForRange(index: RangeIndex, range: FieldRange): number[] {
  const spans = index.get(range.field);
  if (!spans || range.end <= range.start) return [];
  // First span that ends after `start` (ends ascend because spans are appended in order).
  let low = 0;
  let high = spans.ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spans.ends[middle] ?? 0) <= range.start) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let i = low; i < spans.starts.length && (spans.starts[i] ?? Infinity) < range.end; i++) {
    const chunk = spans.chunks[i];
    if (chunk !== undefined && found[found.length - 1] !== chunk) found.push(chunk);
  }
  return found;
}

/** Parses `#chunk-42` into 42; null for any other hash. */
export function chunkFromHash(hash: string, prefix = ""): number | null {
  if (!hash.startsWith(`#${prefix}chunk-`)) return null;
  const match = /^(\d{1,9})$/.exec(hash.slice(prefix.length + 7));
  return match?.[1] ? Number(match[1]) : null;
}

/** Splits a text into the part before, inside and after a range (clamped to the text). */
export function splitAtRange(text: string, start: number, end: number): [string, string, string] {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return [text.slice(0, from), text.slice(from, to), text.slice(to)];
}
