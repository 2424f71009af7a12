import { splitAtRange } from "@/lib/views/recording/chunk-selection";

/**
 * Plain text with an optional `<mark>` over [start, end). Each piece carries its source offset
 * (`data-src-start`) so a selection inside it maps back to characters of the text.
 */
export function MarkedText({ text, range }: { text: string; range: { start: number; end: number } | null }) {
  if (!range) {
    return (
      <span data-src-start={0} data-src-end={text.length}>
        {text}
      </span>
    );
  }
  const [before, inside, after] = splitAtRange(text, range.start, range.end);
  const start = before.length;
  const end = start + inside.length;
  return (
    <>
      {before && (
        <span data-src-start={0} data-src-end={start}>
          {before}
        </span>
      )}
      <mark
        data-chunk-mark=""
        className="rounded-sm bg-amber-200 text-inherit ring-1 ring-amber-400 dark:bg-amber-500/40 dark:ring-amber-400/70"
      >
        <span data-src-start={start} data-src-end={end}>
          {inside}
        </span>
      </mark>
      {after && (
        <span data-src-start={end} data-src-end={text.length}>
          {after}
        </span>
      )}
    </>
  );
}
