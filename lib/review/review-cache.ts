import { LRUCache } from "lru-cache";
import { BadRevision, verifyRevision } from "@/lib/git/revision";
import { buildReview } from "./build-review";
import type { Review } from "./review-types";

export type LoadedReview = { ok: true; review: Review } | { ok: false; message: string };

// Reviews of two commits never change: filtering the page (a new URL each time) reuses them.
// The working tree changes under us, so a review of it is built afresh every time.
const cache = new LRUCache<string, Promise<Review>>({ max: 8 });

/**
 * The review of `base`..`head` (null: the working tree) in the repository whose top is `top`;
 * a bad revision (unknown, or starting with "-") is a message, not an exception.
 */
export async function loadReview(top: string, base: string, head: string | null): Promise<LoadedReview> {
  try {
    if (head === null) return { ok: true, review: await buildReview({ repo: top, base, head }) };
    const key = [top, await verifyRevision(top, base), await verifyRevision(top, head), base, head].join(
      "\0",
    );
    let review = cache.get(key);
    if (!review) {
      review = buildReview({ repo: top, base, head });
      cache.set(key, review);
      review.catch(() => cache.delete(key));
    }
    return { ok: true, review: await review };
  } catch (error) {
    if (error instanceof BadRevision) return { ok: false, message: error.message };
    throw error;
  }
}
