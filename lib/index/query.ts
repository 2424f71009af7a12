import { z } from "zod";
import { CALL_KINDS, FAMILIES, PROVIDERS } from "@/lib/model/exchange";
import { RECORDING_FORMATS } from "@/lib/model/recording-file";
import type { RecordingIndex } from "./recording-index";
import type { RecordingSummary } from "./summary-schema";

const flag = z.enum(["true", "false"], { error: 'must be "true" or "false"' }).transform((v) => v === "true");
const optionalText = z.string().trim().max(500, "must be at most 500 characters").optional();

export const SORTS = ["test", "path", "model", "size", "chunks"] as const;

/** The list's filters, as they appear in the URL of `/recordings` and `/api/recordings`. */
export const recordingQuerySchema = z.strictObject({
  q: optionalText,
  suite: optionalText,
  format: z.enum([...RECORDING_FORMATS]).optional(),
  family: z.enum([...FAMILIES]).optional(),
  kind: z.enum([...CALL_KINDS]).optional(),
  provider: z.enum([...PROVIDERS]).optional(),
  model: optionalText,
  host: optionalText,
  status: z.coerce
    .number({ error: "must be an HTTP status" })
    .int("must be an HTTP status")
    .min(100, "must be an HTTP status")
    .max(599, "must be an HTTP status")
    .optional(),
  test: optionalText,
  streaming: flag.optional(),
  error: flag.optional(),
  broken: flag.optional(),
  /** Files that hold a credential (lib/secrets) the allow-list does not cover. */
  secrets: flag.optional(),
  sort: z.enum(SORTS).default("test"),
  page: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .default(1),
  pageSize: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(1000, "must be at most 1000")
    .default(50),
});

export type RecordingQuery = z.infer<typeof recordingQuerySchema>;

/** Reads a query from URL search params; the message names each bad parameter. */
export function parseRecordingQuery(
  params: URLSearchParams,
): { ok: true; query: RecordingQuery } | { ok: false; message: string } {
  const entries: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") entries[key] = value;
  const parsed = recordingQuerySchema.safeParse(entries);
  if (parsed.success) return { ok: true, query: parsed.data };
  const message = parsed.error.issues
    .map((issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown parameter${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`
        : `${issue.path.join(".")}: ${issue.message}`,
    )
    .join("; ");
  return { ok: false, message };
}

/** True when one interaction of the file has every per-interaction property the query asks. */
function someInteractionMatches(summary: RecordingSummary, query: RecordingQuery): boolean {
  return summary.interactions.some(
    (interaction) =>
      (query.family === undefined || interaction.family === query.family) &&
      (query.kind === undefined || interaction.kind === query.kind) &&
      (query.provider === undefined || interaction.provider === query.provider) &&
      (query.model === undefined || interaction.model === query.model) &&
      (query.host === undefined || interaction.host === query.host) &&
      (query.status === undefined || interaction.status === query.status) &&
      (query.streaming === undefined || interaction.streaming === query.streaming) &&
      (query.error === undefined || (interaction.error !== null) === query.error),
  );
}

const PER_INTERACTION = [
  "family",
  "kind",
  "provider",
  "model",
  "host",
  "status",
  "streaming",
  "error",
] as const;

/**
 * The credentials filter: the count needs the index, which holds the allow-list. A file the
 * background scan has not reached is left out either way (the result says it is partial).
 */
function secretsMatch(index: RecordingIndex, summary: RecordingSummary, query: RecordingQuery): boolean {
  if (query.secrets === undefined) return true;
  const count = index.secretCount(summary);
  return count !== null && count > 0 === query.secrets;
}

function matches(summary: RecordingSummary, query: RecordingQuery): boolean {
  if (query.suite !== undefined && summary.suite !== query.suite) return false;
  if (query.format !== undefined && summary.format !== query.format) return false;
  if (query.test !== undefined && summary.test?.base !== query.test && summary.testId !== query.test)
    return false;
  if (query.broken !== undefined && (summary.broken !== null) !== query.broken) return false;
  if (PER_INTERACTION.some((key) => query[key] !== undefined) && !someInteractionMatches(summary, query))
    return false;
  return true;
}

/** Plain code-unit order: as stable as a locale's, and many times faster on every request. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const LAST = "\uffff";

const COMPARE: Record<(typeof SORTS)[number], (a: RecordingSummary, b: RecordingSummary) => number> = {
  test: (a, b) => byText(a.testId ?? LAST, b.testId ?? LAST) || byText(a.relPath, b.relPath),
  path: (a, b) => byText(a.relPath, b.relPath),
  model: (a, b) => byText(a.model ?? LAST, b.model ?? LAST) || byText(a.relPath, b.relPath),
  size: (a, b) => b.size - a.size || byText(a.relPath, b.relPath),
  chunks: (a, b) => b.chunks - a.chunks || byText(a.relPath, b.relPath),
};

export interface QueryResult {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  items: RecordingSummary[];
  /**
   * Present (true) when the query filters on credentials before the background scan has read
   * every file: the result is partial. `runScannedQuery` waits for the scan instead.
   */
  scanning?: true;
}

/** What a view depends on: every parameter of the query but its paging. */
function viewKey(query: RecordingQuery): string {
  const entries = Object.entries(query).filter(([key]) => key !== "page" && key !== "pageSize");
  return JSON.stringify(entries.sort(([a], [b]) => byText(a, b)));
}

/** Every recording the query keeps, in its order (text first, best match unless sorted otherwise). */
function findAll(index: RecordingIndex, query: RecordingQuery): RecordingSummary[] {
  let found: RecordingSummary[];
  if (query.q) {
    found = [];
    for (const path of index.search(query.q)) {
      const summary = index.get(path);
      if (summary && matches(summary, query) && secretsMatch(index, summary, query)) found.push(summary);
    }
  } else {
    found = index.list().filter((summary) => matches(summary, query) && secretsMatch(index, summary, query));
  }
  if (!query.q || query.sort !== "test") found.sort(COMPARE[query.sort]);
  return found;
}

/** A name for one page of a query's results (for what is derived from it, such as its rendered rows). */
export function pageKey(query: RecordingQuery, result: Pick<QueryResult, "page" | "pageSize">): string {
  return `${viewKey(query)}\0${result.page}\0${result.pageSize}`;
}

/**
 * Filters, searches, sorts and pages. The sorted view is kept by the index until the tree
 * changes, so paging through it, or asking again, costs a slice.
 */
export function runQuery(index: RecordingIndex, query: RecordingQuery): QueryResult {
  const partial = query.secrets !== undefined && !index.secretsKnown;
  // A view taken while the scan runs is not kept once it has finished.
  const found = index.view(`${viewKey(query)}${partial ? "\0partial" : ""}`, () => findAll(index, query));
  const pages = Math.max(1, Math.ceil(found.length / query.pageSize));
  const page = Math.min(query.page, pages);
  return {
    total: found.length,
    page,
    pageSize: query.pageSize,
    pages,
    items: found.slice((page - 1) * query.pageSize, page * query.pageSize),
    ...(partial ? { scanning: true as const } : {}),
  };
}

/** `runQuery`, after the credentials scan when the query filters on credentials: never partial. */
export async function runScannedQuery(index: RecordingIndex, query: RecordingQuery): Promise<QueryResult> {
  if (query.secrets !== undefined) await index.secretsScanned();
  return runQuery(index, query);
}

/** The unfiltered first page. */
export function defaultQuery(): RecordingQuery {
  return recordingQuerySchema.parse({});
}
