import Link from "next/link";
import type { Comparison } from "@/lib/diff/compare";
import { parseSource } from "@/lib/sources/side-source";
import { recordingHref } from "@/lib/urls";
import { pageOfInteraction } from "@/lib/views/recording/cassette-view";
import { NoiseToggle } from "./noise-toggle";
import { VERDICT_MEANINGS, VerdictBadge } from "./verdict-badge";

function SourceLabel({
  which,
  source,
  interaction,
}: {
  which: "a" | "b";
  source: string;
  interaction: number | null;
}) {
  const isFile = parseSource(source).type === "file";
  const call =
    interaction === null ? null : (
      <span className="shrink-0 rounded bg-zinc-100 px-1.5 font-mono text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
        interaction #{interaction}
      </span>
    );
  return (
    <p className="flex min-w-0 items-baseline gap-2 text-sm">
      <span className="shrink-0 text-xs font-medium text-zinc-500 uppercase">{which}</span>
      {isFile ? (
        <Link
          href={
            interaction === null
              ? recordingHref(source)
              : recordingHref(source, { interaction, page: pageOfInteraction(interaction) })
          }
          className="font-mono text-xs break-all hover:underline"
        >
          {source}
        </Link>
      ) : (
        <span className="font-mono text-xs break-all">{source}</span>
      )}
      {call}
    </p>
  );
}

/** The verdict first: a big badge, what it means, the one-line summary, and the two sources. */
export function VerdictPanel({
  comparison,
  a,
  b,
  interactions = { a: null, b: null },
  noiseShown,
  noiseHref,
}: {
  comparison: Comparison;
  a: string;
  b: string;
  /** For a cassette pair: the interaction compared on each side. */
  interactions?: { a: number | null; b: number | null };
  noiseShown: boolean;
  noiseHref: string;
}) {
  return (
    <section
      aria-labelledby="verdict-heading"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="verdict-heading" className="sr-only">
        Verdict: {comparison.verdict}
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <VerdictBadge verdict={comparison.verdict} large />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{VERDICT_MEANINGS[comparison.verdict]}</p>
        <div className="ml-auto">
          <NoiseToggle shown={noiseShown} count={comparison.noise.length} href={noiseHref} />
        </div>
      </div>
      {comparison.summary !== comparison.verdict && (
        <p className="font-mono text-sm break-words">{comparison.summary}</p>
      )}
      <div className="grid gap-1 md:grid-cols-2">
        <SourceLabel which="a" source={a} interaction={interactions.a} />
        <SourceLabel which="b" source={b} interaction={interactions.b} />
      </div>
    </section>
  );
}
