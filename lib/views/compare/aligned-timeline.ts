import type { Chunk } from "@/lib/model/exchange";
import { toTimelineRows, type TimelineRow } from "@/lib/views/recording/stream-timeline";

/** The rows of the aligned timelines shown at once. */
export const TIMELINE_WINDOW = 60;
/** Rows shown before the first divergence by default. */
const LEAD_IN = 3;

export interface TimelineWindow {
  /** First row shown (0-based) and one past the last. */
  from: number;
  to: number;
  /** Rows in all: the longer stream's chunk count. */
  total: number;
  /** Where the previous and next windows start; null at either end. */
  previous: number | null;
  next: number | null;
}

/** Row i of each stream side by side; rows at and after the first divergence are marked. */
export interface AlignedRow {
  index: number;
  a: TimelineRow | null;
  b: TimelineRow | null;
  diverged: boolean;
  /** The first row where the streams differ. */
  first: boolean;
}

/**
 * Which rows to show: from `requested` when given, else from a few rows before the first
 * divergence (or the start), `size` rows at most.
 */
export function timelineWindow(
  total: number,
  firstDivergence: number | null,
  requested: number | null,
  size = TIMELINE_WINDOW,
): TimelineWindow {
  const last = Math.max(0, total - 1);
  const wanted = requested ?? (firstDivergence === null ? 0 : firstDivergence - LEAD_IN);
  const from = Math.min(last, Math.max(0, wanted));
  const to = Math.min(total, from + size);
  return {
    from,
    to,
    total,
    previous: from > 0 ? Math.max(0, from - size) : null,
    next: to < total ? to : null,
  };
}

/** The rows of one window, each stream's chunk i beside the other's. */
export function alignedRows(
  a: readonly Chunk[],
  b: readonly Chunk[],
  firstDivergence: number | null,
  window: Pick<TimelineWindow, "from" | "to">,
): AlignedRow[] {
  const rowsA = toTimelineRows(a.slice(window.from, window.to));
  const rowsB = toTimelineRows(b.slice(window.from, window.to));
  const out: AlignedRow[] = [];
  for (let i = 0; i < window.to - window.from; i++) {
    const index = window.from + i;
    out.push({
      index,
      a: rowsA[i] ?? null,
      b: rowsB[i] ?? null,
      diverged: firstDivergence !== null && index >= firstDivergence,
      first: index === firstDivergence,
    });
  }
  return out;
}
