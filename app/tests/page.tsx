import type { Metadata } from "next";
import Link from "next/link";
import {
  CompareWithSelected,
  ParametrizationCompare,
  type CallGroup,
} from "@/components/compare/parametrization-compare";
import { RecordingRow } from "@/components/list/recording-row";
import { TestIndex } from "@/components/tests/test-index";
import { listTests } from "@/components/tests/test-list";
import { Badge } from "@/components/list/badge";
import { callOptions, isCassette, messageCounts, parametrizationLabel } from "@/lib/views/compare/test-calls";
import { getIndex } from "@/lib/index/server-index";
import { testHref } from "@/lib/urls";
import { testRecordings, type Parametrization } from "@/lib/index/test-recordings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tests" };

function ParametrizationCard({
  p,
  selected,
  compare,
}: {
  p: Parametrization;
  selected: boolean;
  compare?: React.ReactNode;
}) {
  // A cassette holds several calls: say how many there are in all (a llama-stack file is one).
  const calls = p.recordings.some(isCassette)
    ? p.recordings.reduce((sum, r) => sum + (isCassette(r) ? r.interactions.length : 1), 0)
    : null;
  return (
    <section
      aria-label={p.params ?? p.testId}
      className={`overflow-hidden rounded-lg border bg-white dark:bg-zinc-900 ${selected ? "border-indigo-400 dark:border-indigo-600" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <Link href={testHref(p.testId)} className="font-mono text-xs hover:underline">
          [{p.params ?? "no parameters"}]
        </Link>
        {p.provider ? <Badge tone="blue">{p.provider}</Badge> : null}
        {p.model ? <Badge>{p.model}</Badge> : null}
        {compare}
        <span className="ml-auto text-xs text-zinc-500">
          {p.recordings.length} recording{p.recordings.length === 1 ? "" : "s"}
          {calls === null ? "" : ` · ${calls} call${calls === 1 ? "" : "s"}`}
        </span>
      </div>
      <div className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {p.recordings.map((summary) => (
          <RecordingRow key={summary.relPath} summary={summary} />
        ))}
      </div>
    </section>
  );
}

export default async function TestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const id = params.id;
  const index = await getIndex();
  if (typeof id !== "string" || id === "") {
    const { tests, files, withoutTest } = listTests(index.list());
    return (
      <div className="space-y-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Tests</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {tests.length.toLocaleString("en-US")} tests in {files.toLocaleString("en-US")} files, each with
            its parametrizations, recordings and providers
            {withoutTest > 0
              ? `; ${withoutTest.toLocaleString("en-US")} recording${withoutTest === 1 ? " has" : "s have"} no test id`
              : ""}
            .
          </p>
        </div>
        <TestIndex tests={tests} initialQuery={typeof params.q === "string" ? params.q : ""} />
      </div>
    );
  }
  const found = testRecordings(index, id);
  if (!found) {
    return (
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">No recordings for this test</h1>
        <p className="font-mono text-sm break-all">{id}</p>
        <Link href="/recordings" className="text-indigo-600 underline">
          Back to the recordings
        </Link>
      </div>
    );
  }
  const { test, selected, others } = found;
  const all = selected ? [selected, ...others] : others;
  const counts = await messageCounts(
    index,
    all.flatMap((p) => p.recordings),
  );
  const groups = new Map<Parametrization, CallGroup>(
    all.map((p) => [
      p,
      { testId: p.testId, label: parametrizationLabel(p), calls: callOptions(p.recordings, counts) },
    ]),
  );
  const first = selected ?? all[0];
  const reference = first ? (groups.get(first) ?? null) : null;
  return (
    <div className="space-y-6">
      <div>
        <p className="font-mono text-xs text-zinc-500">{test.file}</p>
        <h1 className="text-2xl font-semibold tracking-tight break-all">
          {[test.className, test.functionName].filter(Boolean).join("::")}
        </h1>
      </div>
      {selected ? (
        <div className="space-y-2">
          <h2 className="text-lg font-semibold">Recordings of this parametrization</h2>
          <ParametrizationCard p={selected} selected />
        </div>
      ) : null}
      {reference && groups.size > 1 ? (
        <div className="space-y-2">
          <h2 className="text-lg font-semibold">Compare parametrizations</h2>
          <ParametrizationCompare groups={[...groups.values()]} reference={reference} />
        </div>
      ) : null}
      {others.length > 0 ? (
        <div className="space-y-2">
          <h2 className="text-lg font-semibold">
            {selected ? "Other parametrizations" : "Parametrizations"}
          </h2>
          <div className="space-y-3">
            {others.map((p) => {
              const group = groups.get(p);
              return (
                <ParametrizationCard
                  key={p.testId}
                  p={p}
                  selected={false}
                  compare={
                    group && reference && group !== reference ? (
                      <CompareWithSelected group={group} reference={reference} />
                    ) : null
                  }
                />
              );
            })}
          </div>
        </div>
      ) : null}
    </div>
  );
}
