import type { Metadata } from "next";
import { CompareForm } from "@/components/compare/compare-form";
import { ComparisonView } from "@/components/compare/comparison-view";
import { InteractionPairs } from "@/components/compare/interaction-pairs";
import { compareFiles } from "@/lib/diff/compare-files";
import { SideProblem } from "@/components/compare/side-problems";
import { parseCompareQuery } from "@/lib/views/compare/compare-query";
import { loadPair } from "@/lib/views/compare/load-pair";
import { getIndex } from "@/lib/index/server-index";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = parseCompareQuery(await searchParams);
  const asked = query.a !== "" || query.b !== "";
  const [a, b] = asked ? await loadPair(await getIndex(), query.a, query.b, query) : [null, null];
  // Two cassettes (or a cassette and a recording): their interaction pairs, each opening to its comparison.
  const files =
    a?.status === "ok" &&
    b?.status === "ok" &&
    (a.file.file.format !== "llama-stack" || b.file.file.format !== "llama-stack")
      ? compareFiles(a.file, b.file)
      : null;
  const onePair =
    files !== null && files.pairs.length === 1 && files.pairs[0]?.a === 0 && files.pairs[0]?.b === 0;
  const pairChosen = files === null || onePair || (query.ia !== null && query.ib !== null);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Compare recordings</h1>
      <CompareForm query={query} />
      {!a || !b ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Give two recordings to compare: the verdict comes first (identical, noise, response, request or
          error), then what changed in the request, the reply, the stream and the raw JSON.
        </p>
      ) : a.status === "ok" && b.status === "ok" ? (
        <>
          {files ? (
            <InteractionPairs
              comparison={files}
              query={query}
              calls={{ a: a.file.file.interactions.length, b: b.file.file.interactions.length }}
            />
          ) : null}
          {pairChosen && a.side && b.side ? (
            <ComparisonView a={a.side} b={b.side} query={query} />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {files?.pairs.some((pair) => pair.a !== null && pair.b !== null)
                ? "Open an interaction pair to compare its two calls."
                : "No call is on both sides: every interaction was added or removed."}
            </p>
          )}
        </>
      ) : (
        <div className="space-y-3">
          <SideProblem which="a" side={a} />
          <SideProblem which="b" side={b} />
        </div>
      )}
    </div>
  );
}
