import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, type FilterOption } from "@/components/list/filter-bar";
import { HtmlLinks } from "@/components/list/html-links";
import { KeyboardList } from "@/components/list/keyboard-list";
import { Pagination } from "@/components/list/pagination";
import { GROUPS_CLASS, recordingGroupsHtml } from "@/components/list/recording-rows-html";
import { DerivedCache } from "@/lib/index/derived-cache";
import { groupByTest } from "@/lib/index/group";
import { defaultQuery, pageKey, parseRecordingQuery, runScannedQuery, SORTS } from "@/lib/index/query";
import { getIndex } from "@/lib/index/server-index";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Recordings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Pages of rows, grouped and rendered, until the tree changes: most requests ask for the same few
 * (the first page, a filter or two), and rendering rows was most of a request's time.
 */
const ROWS = new DerivedCache<string>(128);

function toUrlParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string") out.set(key, value);
    else if (Array.isArray(value) && value[0] !== undefined) out.set(key, value[0]);
  }
  return out;
}

function option(name: string, label: string, value: string | undefined, values: [string, number][]): FilterOption {
  return {
    name,
    label,
    value: value ?? "",
    options: [{ value: "", label: "Any" }, ...values.map(([v, n]) => ({ value: v, label: `${v} (${n})` }))],
  };
}

export default async function RecordingsPage({ searchParams }: { searchParams: SearchParams }) {
  const index = await getIndex();
  const urlParams = toUrlParams(await searchParams);
  const parsed = parseRecordingQuery(urlParams);
  const query = parsed.ok ? parsed.query : defaultQuery();
  const result = await runScannedQuery(index, query);
  const facets = index.facets();
  const yesNo = (name: string, label: string, value: boolean | undefined): FilterOption => ({
    name,
    label,
    value: value === undefined ? "" : String(value),
    options: [
      { value: "", label: "Any" },
      { value: "true", label: "Yes" },
      { value: "false", label: "No" },
    ],
  });
  const filters: FilterOption[] = [
    option("suite", "Suite", query.suite, facets.counts.suite),
    option("format", "Recorder", query.format, facets.counts.format),
    option("family", "Family", query.family, facets.counts.family),
    option("provider", "Provider", query.provider, facets.counts.provider),
    option("model", "Model", query.model, facets.counts.model),
    option("host", "Host", query.host, facets.counts.host),
    option("status", "Status", query.status === undefined ? undefined : String(query.status), facets.counts.status),
    yesNo("streaming", "Streamed", query.streaming),
    yesNo("error", "Error", query.error),
    yesNo("broken", "Broken", query.broken),
    yesNo("secrets", "Credentials", query.secrets),
  ];
  const sort: FilterOption = {
    name: "sort",
    label: "Sort",
    value: query.sort === "test" ? "" : query.sort,
    options: SORTS.map((s) => ({ value: s === "test" ? "" : s, label: s === "test" && query.q ? "best match" : `by ${s}` })),
  };
  const linkFilters = Object.fromEntries(
    Object.entries(query).flatMap(([k, v]) => (k === "page" || k === "pageSize" || v === undefined ? [] : [[k, String(v)]])),
  );
  const rows = index.derive(ROWS, pageKey(query, result), () => recordingGroupsHtml(groupByTest(result.items)));

  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Recordings</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
          {result.total.toLocaleString("en-US")} of {index.size.toLocaleString("en-US")} recordings
          <span className="text-zinc-400"> · filter counts are interactions</span>
        </p>
      </div>
      <FilterBar q={query.q ?? ""} filters={filters} sort={sort} />
      {parsed.ok ? null : (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950">
          Ignored bad filters: {parsed.message}. <Link href="/recordings" className="underline">Clear filters</Link>
        </p>
      )}
      {result.total === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No recording matches. <Link href="/recordings" className="underline">Clear filters</Link>
        </p>
      ) : (
        <KeyboardList>
          <HtmlLinks className={GROUPS_CLASS} html={rows} />
        </KeyboardList>
      )}
      <Pagination page={result.page} pages={result.pages} filters={linkFilters} />
    </div>
  );
}
