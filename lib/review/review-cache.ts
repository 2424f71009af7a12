import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import { BadRevision, verifyRevision } from "@/lib/git/revision";
import { buildReview } from "./build-review";
import type { Review } from "./review-types";

/** `id` names the review for `reviewById`: a page's cards ask for their details by it. */
export type LoadedReview = { ok: true; review: Review; id: string } | { ok: false; message: string };

// Reviews of two commits never change: filtering the page (a new URL each time) reuses them.
// The working tree changes under us, so a review of it is built afresh every time.
const cache = new LRUCache<string, { id: string; review: Promise<Review> }>({ max: 8 });
// Every review a page showed, by id, so that the details its cards open are of that same review
// (a working tree's review too, which is never reused for a page).
const shown = new LRUCache<string, Review>({ max: 16 });

/**
 * The review of `base`..`head` (null: the working tree) in the repository whose top is `top`;
 * a bad revision (unknown, or starting with "-") is a message, not an exception.
 */
export async function loadReview(top: string, base: string, head: string | null): Promise<LoadedReview> {
  try {
    if (head === null) {
      const review = await buildReview({ repo: top, base, head });
      const id = randomUUID();
      shown.set(id, review);
      return { ok: true, review, id };
    }
    const key = [top, await verifyRevision(top, base), await verifyRevision(top, head), base, head].join(
      "\0",
    );
    let entry = cache.get(key);
    if (!entry) {
      const review = buildReview({ repo: top, base, head });
      entry = { id: randomUUID(), review };
      cache.set(key, entry);
      review.catch(() => cache.delete(key));
    }
    const review = await entry.review;
    shown.set(entry.id, review);
    return { ok: true, review, id: entry.id };
  } catch (error) {
    if (error instanceof BadRevision) return { ok: false, message: error.message };
    throw error;
  }
}

/** A review `loadReview` gave out under `id`, while the server still holds it. */
export function reviewById(id: string): Review | undefined {
  return shown.get(id);
}
