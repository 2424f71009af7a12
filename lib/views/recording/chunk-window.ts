import type { Chunk } from "@/lib/model/exchange";
import { rangesOfChunk } from "./chunk-selection";
import { toTimelineRows, type TimelineRow } from "./stream-timeline";

/**
 * The most chunks whose timeline rows one page carries. A longer stream (a hostile cassette's
 * 100,000 NDJSON lines) sends one window of this many and loads the others on demand; every row
 * is serialized into the page, so 100,000 of them made a 17 MB page.
 */
export const CHUNK_WINDOW = 1_000;

/** The characters of one field (see `fieldId`) that a window's chunks filled, first to last. */
export interface WindowSpan {
  field: string;
  start: number;
  end: number;
}

/** One window of a stream's chunks, as rows for the browser. */
export interface ChunkWindow {
  /** First position shown (0-based) and one past the last. */
  start: number;
  end: number;
  /** Chunks in the whole stream. */
  total: number;
  /** Chunks one window holds (windows start at multiples of it). */
  size: number;
  rows: TimelineRow[];
}

/** The position of the chunk numbered `index` (numbers are positions, as every decoder writes them). */
function positionOf(chunks: readonly Chunk[], index: number): number {
  if (chunks[index]?.index === index) return index;
  return chunks.findIndex((chunk) => chunk.index === index);
}

/** Where the window holding position `position` starts. */
export function windowStart(position: number, size = CHUNK_WINDOW): number {
  return Math.floor(Math.max(0, position) / size) * size;
}

/**
 * The window holding the chunk numbered `index` (the first window when there is no such chunk).
 * Windows are aligned, so the same chunk always lands in the same window.
 */
export function chunkWindow(chunks: readonly Chunk[], index = 0, size = CHUNK_WINDOW): ChunkWindow {
  const position = positionOf(chunks, index);
  const start = position < 0 ? 0 : windowStart(position, size);
  const end = Math.min(chunks.length, start + size);
  return { start, end, total: chunks.length, size, rows: toTimelineRows(chunks.slice(start, end)) };
}

/**
 * For each window of a stream longer than one, the characters its chunks filled, per field: so
 * text selected in the message can name the window whose chunks made it, without every row.
 * Empty for a stream that fits one window.
 */
export function windowSpans(chunks: readonly Chunk[], size = CHUNK_WINDOW): WindowSpan[][] {
  if (chunks.length <= size) return [];
  const windows: WindowSpan[][] = [];
  for (let start = 0; start < chunks.length; start += size) {
    const spans = new Map<string, WindowSpan>();
    for (const row of toTimelineRows(chunks.slice(start, start + size))) {
      for (const range of rangesOfChunk(row)) {
        const known = spans.get(range.field);
        if (known) known.end = Math.max(known.end, range.end);
        else spans.set(range.field, { ...range });
      }
    }
    windows.push([...spans.values()]);
  }
  return windows;
}

/** The first window (by number) whose chunks filled part of `range`, or null. */
export function windowOfRange(spans: readonly WindowSpan[][], range: WindowSpan): number | null {
  if (range.end <= range.start) return null;
  const found = spans.findIndex((window) =>
    window.some((span) => span.field === range.field && span.start < range.end && range.start < span.end),
  );
  return found === -1 ? null : found;
}
