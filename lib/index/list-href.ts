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

/** The page of one recording. */
export function recordingHref(relPath: string): string {
  return `/recordings/${relPath.split("/").map(encodeURIComponent).join("/")}`;
}
