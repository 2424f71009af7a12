import Link from "next/link";
import { ChunkItem, KIND_COLORS } from "@/components/recording/chunk-items";
import type { StreamDiff } from "@/lib/diff/stream-diff";
import type { Chunk } from "@/lib/model/exchange";
import { alignedRows, timelineWindow } from "@/lib/views/compare/aligned-timeline";
import type { TimelineRow } from "@/lib/views/recording/stream-timeline";
import { formatCount } from "@/lib/views/recording/format";

function Cell({ row, side, choices }: { row: TimelineRow | null; side: "a" | "b"; choices: boolean }) {
  return (
    <div className={`flex min-w-0 items-center gap-1.5 ${side === "b" ? "col-start-2 md:col-start-3" : ""}`}>
      <span className="w-3 shrink-0 text-[10px] font-medium text-zinc-400 uppercase md:hidden">{side}</span>
      {row === null ? (
        <span className="text-zinc-400 italic">no chunk</span>
      ) : (
        <>
          <span aria-hidden className={`h-4 w-1 shrink-0 rounded-[1px] ${KIND_COLORS[row.kind]}`} />
          <span className="flex min-w-0 flex-1 items-center gap-1.5 overflow-hidden whitespace-nowrap">
            {row.items.length === 0 ? (
              <span className="text-zinc-400 italic">adds nothing</span>
            ) : (
              row.items.map((item, i) => <ChunkItem key={i} item={item} choices={choices} />)
            )}
          </span>
        </>
      )}
    </div>
  );
}

/**
 * The two chunk timelines aligned, row i of each side by side (stacked on narrow screens), rows
 * at and after the first divergence marked. One window of rows at a time, moved by links.
 */
export function TimelineDiff({
  a,
  b,
  stream,
  requested,
  hrefFor,
}: {
  a: readonly Chunk[];
  b: readonly Chunk[];
  stream: StreamDiff;
  requested: number | null;
  hrefFor: (chunk: number) => string;
}) {
  if (a.length === 0 && b.length === 0) {
    return <p className="text-sm text-zinc-500">Neither response was streamed.</p>;
  }
  const window = timelineWindow(Math.max(a.length, b.length), stream.first_divergence, requested);
  const rows = alignedRows(a, b, stream.first_divergence, window);
  const choices = rows.some((row) =>
    [...(row.a?.items ?? []), ...(row.b?.items ?? [])].some((item) => "choice" in item && item.choice > 0),
  );
  const link =
    "rounded px-1.5 py-0.5 text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950";
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
        <span>
          a: {formatCount(stream.before_chunks)} chunks · b: {formatCount(stream.after_chunks)} chunks
        </span>
        {stream.first_divergence === null ? (
          <span>the streams are the same chunk for chunk</span>
        ) : (
          <span>first divergence at chunk {formatCount(stream.first_divergence)}</span>
        )}
        {stream.rechunked && (
          <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-500/15 dark:text-sky-300">
            same text, re-chunked
          </span>
        )}
      </p>
      <nav aria-label="Timeline rows" className="flex flex-wrap items-center gap-2 text-sm">
        {window.previous !== null && (
          <Link href={hrefFor(window.previous)} className={link}>
            ← Earlier rows
          </Link>
        )}
        <span className="text-zinc-500">
          rows {formatCount(window.from)}–{formatCount(Math.max(window.from, window.to - 1))} of{" "}
          {formatCount(window.total)}
        </span>
        {window.next !== null && (
          <Link href={hrefFor(window.next)} className={link}>
            Later rows →
          </Link>
        )}
        {stream.first_divergence !== null &&
          (stream.first_divergence < window.from || stream.first_divergence >= window.to) && (
            <Link href={hrefFor(Math.max(0, stream.first_divergence - 3))} className={link}>
              Go to the first divergence
            </Link>
          )}
      </nav>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white p-1 text-xs dark:border-zinc-800 dark:bg-zinc-900">
        <div
          aria-hidden
          className="hidden grid-cols-[3rem_1fr_1fr] gap-x-3 px-1.5 pb-1 text-[11px] font-medium text-zinc-500 uppercase md:grid"
        >
          <span className="text-right">#</span>
          <span>a</span>
          <span>b</span>
        </div>
        <ol aria-label="Aligned chunk timelines">
          {rows.map((row) => (
            <li
              key={row.index}
              data-diverged={row.diverged || undefined}
              className={`grid grid-cols-[3rem_1fr] items-center gap-x-3 gap-y-0.5 rounded px-1.5 py-1 md:grid-cols-[3rem_1fr_1fr] ${
                row.first
                  ? "bg-amber-100 ring-1 ring-amber-400 ring-inset dark:bg-amber-500/20 dark:ring-amber-500/50"
                  : row.diverged
                    ? "bg-amber-50 dark:bg-amber-500/10"
                    : ""
              }`}
            >
              <span className="row-span-2 text-right font-mono text-zinc-500 tabular-nums md:row-span-1">
                <span className="sr-only">Chunk </span>
                {row.index}
                {row.first && <span className="sr-only"> (first divergence)</span>}
                {row.diverged && !row.first && <span className="sr-only"> (after the divergence)</span>}
              </span>
              <Cell row={row.a} side="a" choices={choices} />
              <Cell row={row.b} side="b" choices={choices} />
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
