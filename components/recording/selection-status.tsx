interface SelectionStatusProps {
  selected: number | null;
  /** Chunks that made the selected text, in stream order. */
  marked: ReadonlySet<number>;
  onClear: () => void;
  onGoTo: (index: number) => void;
}

const BUTTON =
  "rounded border border-zinc-300 px-1.5 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Says what is selected: a chunk, or the chunks behind the selected text. */
export function SelectionStatus({ selected, marked, onClear, onGoTo }: SelectionStatusProps) {
  const made = [...marked];
  const first = made[0];
  const last = made[made.length - 1];
  return (
    <div
      role="status"
      className="flex min-h-6 flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400"
    >
      {selected === null && made.length === 0 && (
        <span>
          Pick a chunk to see what it added, or select text in the message to see which chunks made it.
        </span>
      )}
      {selected !== null && (
        <span className="flex items-center gap-2">
          Chunk {selected} selected.
          <button type="button" className={BUTTON} onClick={onClear}>
            Clear selection
          </button>
        </span>
      )}
      {first !== undefined && last !== undefined && (
        <span className="flex items-center gap-2">
          The selected text came from {made.length === 1 ? "chunk" : `${made.length} chunks:`}{" "}
          {first === last ? first : `${first}–${last}`}.
          <button type="button" className={BUTTON} onClick={() => onGoTo(first)}>
            Go to chunk {first}
          </button>
        </span>
      )}
    </div>
  );
}
