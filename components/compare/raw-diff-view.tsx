import Link from "next/link";
import type { DiffBlock, DiffLine } from "@/lib/views/compare/line-diff";
import { formatCount } from "@/lib/views/recording/format";

// A diff can hold thousands of lines, so each line is one element: its number and mark are
// drawn from `data-n` by a pseudo-element (never copied with the text), styled once up here.
const LINES = [
  "[&_[data-n]]:grid [&_[data-n]]:grid-cols-[4.5rem_1fr]",
  "[&_[data-n]]:before:content-[attr(data-n)] [&_[data-n]]:before:pr-3 [&_[data-n]]:before:text-right",
  "[&_[data-n]]:before:whitespace-pre [&_[data-n]]:before:text-zinc-400 [&_[data-n]]:before:tabular-nums",
  "[&_del>[data-n]]:bg-red-100/80 dark:[&_del>[data-n]]:bg-red-500/15",
  "[&_ins>[data-n]]:bg-emerald-100/80 dark:[&_ins>[data-n]]:bg-emerald-500/15",
  // The b copy of an unchanged line shows only beside a, on wide screens.
  "max-md:[&_[data-wide]]:hidden",
].join(" ");

function Line({
  line,
  side,
  wideOnly = false,
}: {
  line: DiffLine;
  side: "a" | "b" | "same";
  wideOnly?: boolean;
}) {
  const number = side === "b" ? line.b : line.a;
  const mark = side === "a" ? "-" : side === "b" ? "+" : " ";
  return (
    <div data-n={`${number ?? ""} ${mark}`} data-wide={wideOnly || undefined}>
      {line.text}
    </div>
  );
}

function Block({ block }: { block: DiffBlock }) {
  if (block.type === "skip") {
    return (
      <div className="bg-zinc-100 px-3 py-0.5 text-zinc-500 dark:bg-zinc-800/70">
        ⋯ {formatCount(block.count)} unchanged line{block.count === 1 ? "" : "s"}
      </div>
    );
  }
  if (block.type === "same") {
    return (
      <div className="grid md:grid-cols-2">
        {block.lines.map((line) => [
          <Line key={`a${line.a}`} line={line} side="same" />,
          <Line key={`b${line.b}`} line={{ ...line, a: line.b }} side="same" wideOnly />,
        ])}
      </div>
    );
  }
  return (
    <div className="grid md:grid-cols-2">
      <del className="block no-underline">
        {block.removed.map((line) => (
          <Line key={line.a} line={line} side="a" />
        ))}
      </del>
      <ins className="block no-underline">
        {block.added.map((line) => (
          <Line key={line.b} line={line} side="b" />
        ))}
      </ins>
    </div>
  );
}

/** The raw JSON line diff: a and b side by side on wide screens, one unified column on narrow ones. */
export function RawDiffView({
  blocks,
  hiddenLines,
  allHref,
}: {
  blocks: readonly DiffBlock[];
  hiddenLines: number;
  allHref: string;
}) {
  return (
    <div className="space-y-1">
      <div
        role="region"
        aria-label="Raw JSON line diff"
        className={`overflow-hidden rounded-lg border border-zinc-200 bg-white font-mono text-[12px] leading-5 break-all whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-900 ${LINES}`}
      >
        {blocks.map((block, i) => (
          <Block key={i} block={block} />
        ))}
      </div>
      {hiddenLines > 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {formatCount(hiddenLines)} more lines of the diff are not shown.{" "}
          <Link href={allHref} className="text-indigo-700 underline dark:text-indigo-300">
            Show all
          </Link>
        </p>
      )}
    </div>
  );
}
