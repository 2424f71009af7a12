"use client";

import { useMemo } from "react";
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
 * marked cells are drawn by a style rule on their index, so the cells themselves never re-render.
 */
export function ChunkStrip({ rows, selected, marked, onSelect }: ChunkStripProps) {
  const html = useMemo(() => ({ __html: cellsHtml(rows) }), [rows]);
  const rules: string[] = [];
  for (const index of marked)
    rules.push(`[data-chunk-strip] [data-index="${index}"]{outline:2px solid #f59e0b}`);
  if (selected !== null) {
    rules.push(
      `[data-chunk-strip] [data-index="${selected}"]{outline:2px solid currentColor;outline-offset:1px;opacity:1}`,
    );
  }
  return (
    <div>
      <div
        data-chunk-strip=""
        aria-hidden="true"
        className="flex flex-wrap gap-px rounded-md border border-zinc-200 bg-white p-1.5 dark:border-zinc-800 dark:bg-zinc-900 [&>i]:h-4 [&>i]:w-1.5 [&>i]:cursor-pointer [&>i]:rounded-[1px] [&>i:hover]:opacity-60"
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
      {rules.length > 0 && <style>{rules.join("\n")}</style>}
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
