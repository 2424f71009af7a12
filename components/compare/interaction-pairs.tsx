import { ReviewVerdictBadge } from "@/components/review/review-verdict-badge";
import type { FileComparison } from "@/lib/diff/compare-files";
import { compareHref } from "@/lib/urls";
import type { CompareQuery } from "@/lib/views/compare/compare-query";
import { Section } from "./section";

function callCount(count: number): string {
  return `${count.toLocaleString("en-US")} call${count === 1 ? "" : "s"}`;
}

/** Pairs listed before "show all". */
const PAIRS_LIMIT = 200;

/**
 * Two cassettes' interaction pairs with their verdicts, most serious first in the file's verdict;
 * each pair opens the comparison of its two interactions (`ia`/`ib` in the URL).
 */
export function InteractionPairs({
  comparison,
  query,
  calls,
}: {
  comparison: FileComparison;
  query: CompareQuery;
  /** How many calls (interactions) each side's file holds. */
  calls: { a: number; b: number };
}) {
  const shown = query.all ? comparison.pairs : comparison.pairs.slice(0, PAIRS_LIMIT);
  return (
    <Section
      id="interactions-heading"
      title="Interactions"
      aside={
        <span className="text-sm text-zinc-500">
          a: {callCount(calls.a)} · b: {callCount(calls.b)}
        </span>
      }
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        <ReviewVerdictBadge verdict={comparison.verdict} /> {comparison.summary}
      </p>
      <ol
        aria-label="Interaction pairs"
        className="divide-y divide-zinc-200 rounded-md border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800"
      >
        {shown.map((pair) => {
          const current = pair.a === query.ia && pair.b === query.ib;
          const label = `a #${pair.a ?? "–"} · b #${pair.b ?? "–"}`;
          const body = (
            <>
              <ReviewVerdictBadge verdict={pair.verdict} />
              <span className="font-mono text-xs text-zinc-500">{label}</span>
              <span className="min-w-0 truncate">{pair.summary}</span>
            </>
          );
          return (
            <li
              key={`${pair.a}-${pair.b}`}
              data-verdict={pair.verdict}
              className={`px-3 py-1.5 ${current ? "bg-indigo-50 dark:bg-indigo-500/10" : ""}`}
            >
              {pair.a !== null && pair.b !== null ? (
                <a
                  href={compareHref({ ...query, ia: pair.a, ib: pair.b, chunk: null })}
                  aria-current={current ? "true" : undefined}
                  className={`flex items-center gap-2 hover:underline ${current ? "font-semibold" : ""}`}
                >
                  {body}
                </a>
              ) : (
                <span className="flex items-center gap-2">{body}</span>
              )}
            </li>
          );
        })}
      </ol>
      {shown.length < comparison.pairs.length ? (
        <a
          href={compareHref({ ...query, all: true })}
          className="text-sm text-sky-700 hover:underline dark:text-sky-400"
        >
          Show all {comparison.pairs.length} pairs
        </a>
      ) : null}
    </Section>
  );
}
