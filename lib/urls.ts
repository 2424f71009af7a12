/**
 * Every URL the dashboard links to is built here: the list, a recording (and an interaction or a
 * chunk of it), a test, a comparison, a review. Pages, reports and the command line use these, so
 * a route changes in one place.
 */

type QueryValue = string | number | boolean | undefined | null;

/** Escapes a query value but keeps `/`, `:`, `^` and `~` readable (all are allowed in a query). */
export function queryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2F/gi, "/").replace(/%3A/gi, ":").replace(/%5E/gi, "^");
}

/** `key=value&…` of the entries whose value is set (empty strings, null and undefined dropped). */
function query(entries: [string, QueryValue][]): string {
  return entries
    .flatMap(([key, value]) =>
      value === undefined || value === null || value === "" || value === false
        ? []
        : [`${key}=${queryValue(value === true ? "1" : String(value))}`],
    )
    .join("&");
}

/** A link to the recordings list with these filters (empty values dropped). */
export function listHref(filters: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/recordings?${search}` : "/recordings";
}

/**
 * The page of one recording; for a cassette, optionally one of its interactions (with the page
 * of a long cassette that holds it) or one chunk of that interaction's stream.
 */
export function recordingHref(
  relPath: string,
  at: { page?: number; interaction?: number; chunk?: number } = {},
): string {
  const path = `/recordings/${relPath.split("/").map(encodeURIComponent).join("/")}`;
  const search = at.page !== undefined && at.page > 1 ? `?page=${at.page}` : "";
  const hash =
    at.interaction === undefined
      ? at.chunk === undefined
        ? ""
        : `#chunk-${at.chunk}`
      : `#interaction-${at.interaction}${at.chunk === undefined ? "" : `-chunk-${at.chunk}`}`;
  return `${path}${search}${hash}`;
}

/**
 * The JSON API's answer for one recording (`/api/recordings/<path>`); for a cassette, one page of
 * its interactions (page 1 when absent) or one interaction alone.
 */
export function recordingApiHref(relPath: string, at: { page?: number; interaction?: number } = {}): string {
  const path = `/api/recordings/${relPath.split("/").map(encodeURIComponent).join("/")}`;
  const search = query([
    ["page", at.page !== undefined && at.page > 1 ? at.page : undefined],
    ["interaction", at.interaction],
  ]);
  return search ? `${path}?${search}` : path;
}

/** The page of one test (every parametrization when `id` is a test without its parameters). */
export function testHref(id: string): string {
  return `/tests?id=${encodeURIComponent(id)}`;
}

/** What a link to the compare page says: two sources, and the view's switches. */
export interface CompareLink {
  a: string;
  b: string;
  noise?: boolean;
  all?: boolean;
  /** The first chunk row of the aligned timelines; null or absent for the default. */
  chunk?: number | null;
  /** For cassettes: the interaction compared on each side (from 0); absent for the list of pairs. */
  ia?: number | null;
  ib?: number | null;
}

/** A link to the compare page; flags that are off and the default timeline window are left out. */
export function compareHref(link: CompareLink): string {
  return `/compare?${query([
    ["a", link.a],
    ["b", link.b],
    ["noise", link.noise],
    ["all", link.all],
    ["chunk", link.chunk],
    ["ia", link.ia],
    ["ib", link.ib],
  ])}`;
}

/** The review page for these revisions (no `head` for the working tree), plus filters. */
export function reviewHref(
  base: string,
  head: string | null,
  filters: Record<string, string | undefined> = {},
): string {
  return `/review?${query([["base", base], ["head", head], ...Object.entries(filters)])}`;
}

/** The match page for a pasted request or error text, optionally with one request comparison open. */
export function matchHref(id: string, compare: { answer: number; candidate: number } | null = null): string {
  const base = `/match?id=${encodeURIComponent(id)}`;
  return compare === null ? base : `${base}&compare=${compare.answer}.${compare.candidate}#request-compare`;
}
