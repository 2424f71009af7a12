import { DEL, INS } from "./word-diff";

function show(value: string | number | null): string {
  return value === null ? "—" : typeof value === "number" ? value.toLocaleString("en-US") : value;
}

/** A small value on each side: once when equal, else `a → b` with both marked. */
export function BeforeAfter({
  before,
  after,
}: {
  before: string | number | null;
  after: string | number | null;
}) {
  if (before === after) return <span className="font-mono text-sm">{show(before)}</span>;
  return (
    <span className="inline-flex flex-wrap items-baseline gap-1.5 font-mono text-sm">
      <del className={`px-1 ${DEL}`}>{show(before)}</del>
      <span aria-label="becomes" className="text-zinc-400">
        →
      </span>
      <ins className={`px-1 ${INS}`}>{show(after)}</ins>
    </span>
  );
}
