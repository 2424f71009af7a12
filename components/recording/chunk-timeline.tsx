"use client";

import { memo, useImperativeHandle, useMemo, useRef, type KeyboardEvent, type Ref } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { TimelineRow } from "@/lib/views/recording/stream-timeline";
import { ChunkItem, KIND_COLORS } from "./chunk-items";

export interface ChunkTimelineHandle {
  /** Scrolls a chunk's row into view (and the page to it), optionally focusing it. */
  scrollTo(index: number, align: "auto" | "center", focus: boolean): void;
}

interface ChunkTimelineProps {
  rows: readonly TimelineRow[];
  selected: number | null;
  marked: ReadonlySet<number>;
  /** Whether the response has several choices (rows then name the choice). */
  choices: boolean;
  onSelect: (index: number, how: { focus: boolean }) => void;
  /** Prefix of the rows' ids (`chunk-N`), so several timelines can share a page. */
  idPrefix: string;
  ref?: Ref<ChunkTimelineHandle>;
}

const ROW_HEIGHT = 28;
/** Longer timelines render only the rows in view. */
export const VIRTUALIZE_AFTER = 200;

interface RowProps {
  row: TimelineRow;
  selected: boolean;
  marked: boolean;
  choices: boolean;
  onSelect: ChunkTimelineProps["onSelect"];
  idPrefix: string;
}

const Row = memo(function Row({ row, selected, marked, choices, onSelect, idPrefix }: RowProps) {
  const tone = selected
    ? "bg-indigo-50 ring-1 ring-inset ring-indigo-400 dark:bg-indigo-500/20 dark:ring-indigo-400/70"
    : marked
      ? "bg-amber-50 dark:bg-amber-500/10"
      : "hover:bg-zinc-100 dark:hover:bg-zinc-800/70";
  return (
    <button
      type="button"
      id={`${idPrefix}chunk-${row.index}`}
      aria-pressed={selected}
      data-marked={marked || undefined}
      onClick={() => onSelect(row.index, { focus: false })}
      className={`flex h-7 w-full items-center gap-2 rounded px-1.5 text-left text-xs focus-visible:outline-2 focus-visible:outline-indigo-500 ${tone}`}
    >
      <span aria-hidden className={`h-4 w-1 shrink-0 rounded-[1px] ${KIND_COLORS[row.kind]}`} />
      <span className="w-10 shrink-0 text-right font-mono text-zinc-500 tabular-nums">
        <span className="sr-only">Chunk </span>
        {row.index}
      </span>
      <span className="flex min-w-0 flex-1 items-center gap-1.5 overflow-hidden whitespace-nowrap">
        {row.items.length === 0 ? (
          <span className="italic text-zinc-400">adds nothing</span>
        ) : (
          row.items.map((item, i) => <ChunkItem key={i} item={item} choices={choices} />)
        )}
      </span>
    </button>
  );
});

const KEY_STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

/** One row per chunk with what it adds; virtualized when long. */
export function ChunkTimeline({
  rows,
  selected,
  marked,
  choices,
  onSelect,
  idPrefix,
  ref,
}: ChunkTimelineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > VIRTUALIZE_AFTER;
  const positions = useMemo(() => new Map(rows.map((row, position) => [row.index, position])), [rows]);
  // The virtualizer is read fresh on every render (it is not memoized), which is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 640, height: 480 },
  });

  useImperativeHandle(
    ref,
    () => ({
      scrollTo(index, align, focus) {
        const position = positions.get(index);
        if (position === undefined) return;
        if (virtual) virtualizer.scrollToIndex(position, { align });
        // A virtual row appears a frame or two after the list scrolled.
        const reveal = (tries: number) => {
          const row = document.getElementById(`${idPrefix}chunk-${index}`);
          if (!row) {
            if (tries > 0) requestAnimationFrame(() => reveal(tries - 1));
            return;
          }
          row.scrollIntoView({ block: align === "center" ? "center" : "nearest" });
          if (focus) row.focus({ preventScroll: true });
        };
        requestAnimationFrame(() => reveal(5));
      },
    }),
    [positions, virtual, virtualizer, idPrefix],
  );

  function onKeyDown(event: KeyboardEvent) {
    const step = KEY_STEPS[event.key];
    const current = selected === null ? -1 : (positions.get(selected) ?? -1);
    let next: number | null = null;
    if (step !== undefined) next = Math.min(rows.length - 1, Math.max(0, current + step));
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = rows.length - 1;
    const row = next === null ? undefined : rows[next];
    if (!row) return;
    event.preventDefault();
    onSelect(row.index, { focus: true });
  }

  const rowProps = (row: TimelineRow) => ({
    row,
    selected: row.index === selected,
    marked: marked.has(row.index),
    choices,
    onSelect,
    idPrefix,
  });

  return (
    <div
      ref={scrollRef}
      className="max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 bg-white p-1 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {virtual ? (
        <ol
          aria-label="Chunk timeline"
          onKeyDown={onKeyDown}
          className="relative"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <li
                key={row.index}
                className="absolute left-0 top-0 w-full"
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                <Row {...rowProps(row)} />
              </li>
            );
          })}
        </ol>
      ) : (
        <ol aria-label="Chunk timeline" onKeyDown={onKeyDown}>
          {rows.map((row) => (
            <li key={row.index}>
              <Row {...rowProps(row)} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
