import type { ChunkWindow } from "@/lib/views/recording/chunk-window";

interface ChunkWindowNavProps {
  shown: Pick<ChunkWindow, "start" | "end" | "total" | "size">;
  /** The window being loaded, or null. */
  loading: number | null;
  /** Whether other windows can be loaded (not on a page without the recording's path). */
  canLoad: boolean;
  /** The window (by number) whose chunks made the selected text, when it is not the one shown. */
  textWindow: number | null;
  /** Loads the window holding position `position`. */
  onShow: (position: number) => void;
  /** Selects a chunk (loading its window). */
  onGoTo: (index: number) => void;
  /** Prefix of element ids, so several streams can share a page. */
  idPrefix: string;
}

const BUTTON =
  "rounded border border-zinc-300 px-1.5 py-0.5 text-xs enabled:hover:bg-zinc-100 disabled:text-zinc-400 dark:border-zinc-700 dark:enabled:hover:bg-zinc-800";

const count = (n: number) => n.toLocaleString("en-US");

/**
 * Which of a long stream's chunks the strip and the timeline show (one window at a time), with
 * buttons to the others and a box to go to any chunk.
 */
export function ChunkWindowNav({
  shown,
  loading,
  canLoad,
  textWindow,
  onShow,
  onGoTo,
  idPrefix,
}: ChunkWindowNavProps) {
  const { start, end, total, size } = shown;
  const lastStart = Math.floor((total - 1) / size) * size;
  const button = (label: string, position: number, disabled: boolean) => (
    <button
      type="button"
      className={BUTTON}
      disabled={disabled || !canLoad || loading !== null}
      onClick={() => onShow(position)}
    >
      {label}
    </button>
  );
  return (
    <div
      aria-label="Shown chunks"
      role="group"
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-2 py-1 text-sm dark:border-amber-900 dark:bg-amber-950/30"
    >
      <span>
        Showing chunks {count(start)}–{count(end - 1)} of {count(total)} ({count(size)} at a time
        {canLoad ? "" : "; open the recording's own page for the others"}).
      </span>
      {button("« First", 0, start === 0)}
      {button(`‹ Previous ${count(size)}`, start - size, start === 0)}
      {button(`Next ${count(size)} ›`, end, end >= total)}
      {button("Last »", lastStart, start === lastStart)}
      {canLoad && (
        <form
          className="flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            const value = Number(new FormData(event.currentTarget).get("chunk"));
            if (Number.isInteger(value) && value >= 0 && value < total) onGoTo(value);
          }}
        >
          <label className="text-xs" htmlFor={`${idPrefix}chunk-window-go`}>
            Go to chunk
          </label>
          <input
            id={`${idPrefix}chunk-window-go`}
            name="chunk"
            type="number"
            min={0}
            max={total - 1}
            className="w-24 rounded border border-zinc-300 bg-white px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
        </form>
      )}
      {loading !== null && (
        <span className="text-xs text-zinc-500">Loading chunks around {count(loading)}…</span>
      )}
      {textWindow !== null && (
        <span className="flex items-center gap-2">
          The selected text came from chunks {count(textWindow * size)}–
          {count(Math.min(total, (textWindow + 1) * size) - 1)}, not shown.
          {button("Show them", textWindow * size, false)}
        </span>
      )}
    </div>
  );
}
