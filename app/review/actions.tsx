"use server";

import { ChangeDetails } from "@/components/review/change-details";
import { gitDisabledReason } from "@/lib/config";
import { reviewRepository } from "@/lib/views/review/review-repository";
import { getIndex } from "@/lib/index/server-index";
import { loadReview, reviewById } from "@/lib/review/review-cache";
import type { Review } from "@/lib/review/review-types";
import { changeKey } from "@/lib/review/review-view";

/** The review a page showed (by its id), else the same revisions reviewed again (a restarted server). */
async function findReview(base: string, head: string | null, id: string): Promise<Review | null> {
  const held = reviewById(id);
  if (held) return held;
  const repo = await reviewRepository((await getIndex()).root);
  if (!repo) return null;
  const loaded = await loadReview(repo.top, base, head);
  return loaded.ok ? loaded.review : null;
}

/**
 * The details of one change of a review page, rendered when its card is opened: a review of a few
 * hundred changes would otherwise carry every one's tables and texts in its page. The first three
 * arguments are bound by the page; the key comes from the card. Null when there is no such change.
 */
export async function loadChangeDetails(
  base: unknown,
  head: unknown,
  id: unknown,
  key: unknown,
): Promise<React.ReactNode> {
  if (gitDisabledReason() !== null) return null;
  if (typeof base !== "string" || base === "" || typeof key !== "string" || typeof id !== "string")
    return null;
  if (head !== null && typeof head !== "string") return null;
  const review = await findReview(base, head, id);
  const change = review?.changes.find((candidate) => changeKey(candidate) === key);
  return change ? <ChangeDetails change={change} /> : null;
}
