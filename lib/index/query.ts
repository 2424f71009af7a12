import { z } from "zod";
import { CALL_KINDS, FAMILIES, PROVIDERS } from "@/lib/model/exchange";
import type { RecordingIndex } from "./recording-index";
import type { RecordingSummary } from "./summary-schema";

const flag = z.enum(["true", "false"], { error: 'must be "true" or "false"' }).transform((v) => v === "true");
const optionalText = z.string().trim().max(500, "must be at most 500 characters").optional();

export const SORTS = ["test", "path", "model", "size", "chunks"] as const;

/** The list's filters, as they appear in the URL of `/recordings` and `/api/recordings`. */
export const recordingQuerySchema = z.strictObject({
  q: optionalText,
  suite: optionalText,
  family: z.enum([...FAMILIES]).optional(),
  kind: z.enum([...CALL_KINDS]).optional(),
  provider: z.enum([...PROVIDERS]).optional(),
  model: optionalText,
  test: optionalText,
  streaming: flag.optional(),
  error: flag.optional(),
  broken: flag.optional(),
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

function matches(summary: RecordingSummary, query: RecordingQuery): boolean {
  if (query.suite !== undefined && summary.suite !== query.suite) return false;
  if (query.family !== undefined && summary.family !== query.family) return false;
  if (query.kind !== undefined && summary.kind !== query.kind) return false;
  if (query.provider !== undefined && summary.provider !== query.provider) return false;
  if (query.model !== undefined && summary.model !== query.model) return false;
  if (query.test !== undefined && summary.test?.base !== query.test && summary.testId !== query.test)
    return false;
  if (query.streaming !== undefined && summary.streaming !== query.streaming) return false;
  if (query.error !== undefined && (summary.error !== null) !== query.error) return false;
  if (query.broken !== undefined && (summary.broken !== null) !== query.broken) return false;
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
}

/** Filters, searches (text first, best match order unless sorted otherwise), sorts and pages. */
export function runQuery(index: RecordingIndex, query: RecordingQuery): QueryResult {
  let found: RecordingSummary[];
  if (query.q) {
    found = [];
    for (const path of index.search(query.q)) {
      const summary = index.get(path);
      if (summary && matches(summary, query)) found.push(summary);
    }
  } else {
    found = index.list().filter((summary) => matches(summary, query));
  }
  if (!query.q || query.sort !== "test") found.sort(COMPARE[query.sort]);
  const pages = Math.max(1, Math.ceil(found.length / query.pageSize));
  const page = Math.min(query.page, pages);
  return {
    total: found.length,
    page,
    pageSize: query.pageSize,
    pages,
    items: found.slice((page - 1) * query.pageSize, page * query.pageSize),
  };
}

/** The unfiltered first page. */
export function defaultQuery(): RecordingQuery {
  return recordingQuerySchema.parse({});
}
