/** A file size for people: `512 B`, `2.2 KB`, `1.1 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A count with thousands separators, always the same on server and browser. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
