import type { FrameRow } from "@/lib/views/recording/frames-view";
import { JsonBlock } from "@/components/recording/code-block";

/** A WebSocket log or gRPC samples as its frames, in order; each opens to its whole data. */
export function FramesList({ rows, summary }: { rows: FrameRow[]; summary: string | null }) {
  return (
    <section aria-label="Frames" className="space-y-2">
      <h3 className="text-base font-semibold">
        Frames <span className="text-sm font-normal text-zinc-500">{summary ?? `(${rows.length})`}</span>
      </h3>
      <ol className="max-h-[70vh] divide-y divide-zinc-100 overflow-auto rounded-lg border border-zinc-200 bg-white text-xs dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {rows.map((row) => (
          <li key={row.index}>
            <details>
              <summary className="flex cursor-pointer items-baseline gap-2 px-2 py-1 hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                <span className="w-8 shrink-0 text-right font-mono text-zinc-500 tabular-nums">
                  {row.index}
                </span>
                <span
                  className={`w-20 shrink-0 whitespace-nowrap ${row.direction === "sent" ? "text-sky-700 dark:text-sky-400" : "text-emerald-700 dark:text-emerald-400"}`}
                >
                  {row.direction === "sent" ? "→ sent" : "← received"}
                </span>
                <span className="shrink-0 font-mono font-medium">{row.type}</span>
                <span className="min-w-0 truncate font-mono text-zinc-500">{row.preview}</span>
              </summary>
              <div className="px-2 pb-2">
                <JsonBlock value={row.data} label={`Frame ${row.index}`} />
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
