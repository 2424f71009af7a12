/**
 * A repository path (from the top of the checkout) as a path relative to the recordings root,
 * whose prefix inside the checkout is `prefix` (`git rev-parse --show-prefix`: empty or ending in
 * `/`). Null for a path outside the root: it cannot be opened through the root.
 */
export function rootRelativePath(repoPath: string, prefix: string): string | null {
  if (prefix !== "" && !prefix.endsWith("/")) return rootRelativePath(repoPath, `${prefix}/`);
  if (!repoPath.startsWith(prefix)) return null;
  const rest = repoPath.slice(prefix.length);
  if (
    rest === "" ||
    rest.startsWith("/") ||
    rest.split("/").some((s) => s === ".." || s === "." || s === "")
  ) {
    return null;
  }
  return rest;
}
