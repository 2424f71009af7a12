import type { TextPart } from "@/lib/diff/text-diff";

const PRE = "font-mono text-[13px] leading-5 whitespace-pre-wrap break-words";
export const DEL =
  "rounded-sm bg-red-200/80 text-red-950 line-through decoration-red-500/60 dark:bg-red-500/30 dark:text-red-100";
export const INS =
  "rounded-sm bg-emerald-200/80 text-emerald-950 no-underline dark:bg-emerald-500/30 dark:text-emerald-100";

/**
 * A word diff as two texts: a with what was removed marked, b with what was added marked. Side by
 * side on wide screens, one above the other on narrow ones.
 */
export function WordDiff({ parts, label }: { parts: readonly TextPart[]; label: string }) {
  return (
    <div role="group" aria-label={label} className="grid gap-2 md:grid-cols-2">
      <div className="rounded-md border border-red-200 bg-white p-2 dark:border-red-900/60 dark:bg-zinc-900">
        <p className="mb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">a</p>
        <p className={PRE}>
          {parts.map((part, i) =>
            part.added ? null : part.removed ? (
              <del key={i} className={DEL}>
                {part.value}
              </del>
            ) : (
              <span key={i}>{part.value}</span>
            ),
          )}
        </p>
      </div>
      <div className="rounded-md border border-emerald-200 bg-white p-2 dark:border-emerald-900/60 dark:bg-zinc-900">
        <p className="mb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">b</p>
        <p className={PRE}>
          {parts.map((part, i) =>
            part.removed ? null : part.added ? (
              <ins key={i} className={INS}>
                {part.value}
              </ins>
            ) : (
              <span key={i}>{part.value}</span>
            ),
          )}
        </p>
      </div>
    </div>
  );
}
