import Link from "next/link";
import { DriftPanel } from "@/components/overview/drift-panel";
import { FacetCard } from "@/components/overview/facet-card";
import { StatTile } from "@/components/overview/stat-tile";
import { listHref, recordingHref } from "@/lib/urls";
import { getIndex } from "@/lib/index/server-index";
import { loadDriftPanel } from "@/lib/views/match/drift-panel";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const index = await getIndex();
  const facets = index.facets();
  const secrets = await index.secretTotals();
  const drift = await loadDriftPanel();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {facets.total.toLocaleString("en-US")} recordings ({facets.interactions.toLocaleString("en-US")}{" "}
          interactions) indexed under <span className="font-mono">{index.root}</span>. Counts below are of
          interactions: a llama-stack recording is one, a cassette holds one or more.
        </p>
      </div>
      {secrets.findings > 0 && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {secrets.findings.toLocaleString("en-US")} credential{secrets.findings === 1 ? "" : "s"} leaked into{" "}
          <Link href={listHref({ secrets: true })} className="font-medium underline">
            {secrets.files.toLocaleString("en-US")} recording{secrets.files === 1 ? "" : "s"}
          </Link>
          . They are masked everywhere Tapedeck shows them; run <code>tapedeck secrets</code> for the list.
        </p>
      )}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
        <StatTile label="Recordings" value={facets.total} href={listHref({})} />
        <StatTile label="Interactions" value={facets.interactions} href={listHref({})} />
        <StatTile label="Streamed" value={facets.streaming} href={listHref({ streaming: true })} />
        <StatTile label="Not streamed" value={facets.notStreaming} href={listHref({ streaming: false })} />
        <StatTile label="Recorded errors" value={facets.errors} href={listHref({ error: true })} />
        <StatTile label="Broken files" value={facets.broken.length} href={listHref({ broken: true })} />
        <StatTile label="Credentials found" value={secrets.findings} href={listHref({ secrets: true })} />
      </div>
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        <FacetCard title="Suites" param="suite" counts={facets.counts.suite} />
        <FacetCard title="Recorders" param="format" counts={facets.counts.format} />
        <FacetCard title="Families" param="family" counts={facets.counts.family} />
        <FacetCard title="Kinds of call" param="kind" counts={facets.counts.kind} />
        <FacetCard title="Providers" param="provider" counts={facets.counts.provider} />
        <FacetCard title="Models" param="model" counts={facets.counts.model} limit={15} />
        <FacetCard title="Hosts" param="host" counts={facets.counts.host} limit={15} />
        <FacetCard title="Statuses" param="status" counts={facets.counts.status} />
      </div>
      <DriftPanel view={drift} />
      <section aria-labelledby="broken-heading">
        <h2 id="broken-heading" className="mb-2 text-lg font-semibold">
          Broken files
        </h2>
        {facets.broken.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Every file decodes.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-lg border border-red-200 bg-white text-sm dark:divide-zinc-800 dark:border-red-900 dark:bg-zinc-900">
            {facets.broken.map((summary) => (
              <li key={summary.relPath} className="px-3 py-2">
                <Link
                  href={recordingHref(summary.relPath)}
                  className="font-mono text-xs text-red-700 hover:underline dark:text-red-400"
                >
                  {summary.relPath}
                </Link>
                <p className="text-zinc-600 dark:text-zinc-400">{summary.broken?.reason}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
