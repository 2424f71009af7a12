/**
 * Joins route segments into an index path. Segments arrive decoded; anything that could step
 * out of the root (`..`, `.`, empty segments, back-slashes, NUL) yields null, and the index only
 * ever opens paths it discovered itself.
 */
export function relPathFromSegments(segments: readonly string[]): string | null {
  if (segments.length === 0) return null;
  for (const segment of segments) {
    if (
      segment === "" ||
      segment === "." ||
      segment === ".." ||
      /[\\\0]/.test(segment) ||
      segment.includes("/")
    ) {
      return null;
    }
  }
  return segments.join("/");
}

/** Decodes URL segments (`%2e%2e`, `%2f`) before the checks; a malformed escape yields null. */
export function relPathFromUrlSegments(segments: readonly string[]): string | null {
  try {
    return relPathFromSegments(segments.map((segment) => decodeURIComponent(segment)));
  } catch {
    return null;
  }
}
