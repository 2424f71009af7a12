/** A link to the recordings list with these filters (empty values dropped). */
export function listHref(filters: Record<string, string | number | boolean | undefined | null>): string {
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
