import { compareHref as compareUrl, recordingHref, reviewHref as reviewUrl } from "@/lib/urls";
import type { ReviewChange } from "./review-types";

/** What `buildReview` puts in `head` when the head is the working tree. */
export const WORKING_TREE = "working tree";

export function isWorkingTree(head: string | null): boolean {
  return head === null || head === WORKING_TREE;
}

/** `<rev>:<path>`, or the plain path for the working tree (the compare page reads it from the root). */
function side(rev: string, path: string): string {
  return isWorkingTree(rev) ? path : `${rev}:${path}`;
}

/**
 * The dashboard's comparison of one change (`/compare?a=<base>:<old>&b=<head>:<new>`), with paths
 * relative to the dashboard's root: `prefix` (the root's place in the repository, `a/b/` or "")
 * is removed from the repository paths; null when a side lies outside the root.
 */
export function compareHref(
  change: Pick<ReviewChange, "status" | "path" | "oldPath">,
  review: { base: string; head: string },
  prefix = "",
): string | null {
  const rel = (path: string) => rootRelative(path, prefix);
  const path = rel(change.path);
  if (path === null) return null;
  if (change.status === "removed") {
    const a = side(review.base, path);
    return compareUrl({ a, b: a });
  }
  if (change.status === "added" && change.oldPath === null) {
    const b = side(review.head, path);
    return compareUrl({ a: b, b });
  }
  const oldPath = rel(change.oldPath ?? change.path);
  if (oldPath === null) return null;
  return compareUrl({ a: side(review.base, oldPath), b: side(review.head, path) });
}

/** The dashboard's review page for these revisions (no `head` for the working tree), plus filters. */
export function reviewHref(
  base: string,
  head: string | null,
  filters: Record<string, string | undefined> = {},
): string {
  return reviewUrl(base, isWorkingTree(head) ? null : head, filters);
}

/** A `--link-base` value: an http(s) address, without a trailing slash; null when it is not one. */
export function parseLinkBase(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.search !== "" || url.hash !== "") return null;
    return url.toString().replace(/\/+$/, "");
  } catch {
    return null;
  }
}

/** A repository path relative to the dashboard's root (`prefix` removed), or null outside it. */
export function rootRelative(path: string, prefix: string): string | null {
  return path.startsWith(prefix) ? path.slice(prefix.length) : null;
}

/**
 * Where the review page sends a change: a new recording that the index holds opens its own
 * page, everything else its comparison.
 */
export function changeHref(
  change: Pick<ReviewChange, "status" | "path" | "oldPath">,
  review: { base: string; head: string },
  prefix: string,
  inIndex: (relPath: string) => boolean,
): string | null {
  if (change.status === "added" && change.oldPath === null) {
    const rel = rootRelative(change.path, prefix);
    if (rel !== null && inIndex(rel)) return recordingHref(rel);
  }
  return compareHref(change, review, prefix);
}
