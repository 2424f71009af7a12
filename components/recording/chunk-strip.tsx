"use client";

import { useEffect, useMemo, useRef } from "react";
import { CELL_KINDS, type TimelineRow } from "@/lib/views/recording/stream-timeline";
import { KIND_COLORS, KIND_LABELS } from "./chunk-items";

interface ChunkStripProps {
  rows: readonly TimelineRow[];
  selected: number | null;
  /** Chunks that made the selected text. */
  marked: ReadonlySet<number>;
  onSelect: (index: number) => void;
}

/**
 * The cells as one HTML string: a long stream has thousands, and as markup set in one piece they
 * cost one node to hydrate instead of thousands. Each carries only its index and its color class
 * (the sizing is a rule on the strip); a cell's tooltip is written when the pointer first reaches it.
 */
function cellsHtml(rows: readonly TimelineRow[]): string {
  return rows.map((row) => `<i data-index="${row.index}" class="${KIND_COLORS[row.kind]}"></i>`).join("");
}

function cellOf(target: EventTarget): Element | null {
  return target instanceof Element ? target.closest("[data-index]") : null;
}

/**
 * One thin cell per chunk, colored by what it adds. A click selects the chunk. The selected and
 * marked cells get a data attribute, set on those cells alone, so the cells never re-render (a
 * `<style>` element of rules would need the page's CSP nonce, and was refused without it).
 */
export function ChunkStrip({ rows, selected, marked, onSelect }: ChunkStripProps) {
  const html = useMemo(() => ({ __html: cellsHtml(rows) }), [rows]);
  const positions = useMemo(() => new Map(rows.map((row, position) => [row.index, position])), [rows]);
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const cells = strip.current?.children;
    if (!cells) return;
    const cell = (index: number) => {
      const position = positions.get(index);
      return position === undefined ? undefined : cells[position];
    };
    const touched: Element[] = [];
    for (const index of marked) {
      const found = cell(index);
      found?.setAttribute("data-marked", "");
      if (found) touched.push(found);
    }
    const chosen = selected === null ? undefined : cell(selected);
    chosen?.setAttribute("data-selected", "");
    return () => {
      for (const found of touched) found.removeAttribute("data-marked");
      chosen?.removeAttribute("data-selected");
    };
  }, [html, positions, marked, selected]);
  return (
    <div>
      <div
        ref={strip}
        data-chunk-strip=""
        aria-hidden="true"
        className="flex flex-wrap gap-px rounded-md border border-zinc-200 bg-white p-1.5 dark:border-zinc-800 dark:bg-zinc-900 [&>i]:h-4 [&>i]:w-1.5 [&>i]:cursor-pointer [&>i]:rounded-[1px] [&>i:hover]:opacity-60 [&>i[data-marked]]:outline-2 [&>i[data-marked]]:outline-amber-500 [&>i[data-selected]]:opacity-100 [&>i[data-selected]]:outline-2 [&>i[data-selected]]:outline-offset-1 [&>i[data-selected]]:outline-current"
        onClick={(event) => {
          const cell = cellOf(event.target);
          const index = Number(cell?.getAttribute("data-index"));
          if (cell && Number.isInteger(index)) onSelect(index);
        }}
        onMouseOver={(event) => {
          const cell = cellOf(event.target);
          const index = Number(cell?.getAttribute("data-index"));
          const row = rows[index]?.index === index ? rows[index] : rows.find((r) => r.index === index);
          if (cell && row && !cell.hasAttribute("title"))
            cell.setAttribute("title", `Chunk ${row.index}: ${KIND_LABELS[row.kind]}`);
        }}
        dangerouslySetInnerHTML={html}
      />
    </div>
  );
}

export function KindLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-3 text-xs text-zinc-600 dark:text-zinc-400">
      {CELL_KINDS.map((kind) => (
        <li key={kind} className="flex items-center gap-1">
          <span aria-hidden className={`inline-block h-3 w-1.5 rounded-[1px] ${KIND_COLORS[kind]}`} />
          {KIND_LABELS[kind]}
        </li>
      ))}
    </ul>
  );
}
