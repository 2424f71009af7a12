import { z } from "zod";
import { REVIEW_VERDICTS } from "@/lib/review/review-types";

export const FAIL_ON = ["secret", "error", "request", "response", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The part of `tapedeck review --format json` the action reads. */
export const reviewCounts = z.object({
  summary: z.object({ verdicts: z.record(z.string(), z.number()) }),
  changes: z.array(z.object({ verdict: z.string() })),
});

/** A verdict's place from the most serious down (the review's order); -1 for an unknown one. */
const rank = (verdict: string) => REVIEW_VERDICTS.findIndex((name) => name === verdict);

/** The most serious verdict with at least one change, or null when nothing changed. */
export function mostSerious(verdicts: Record<string, number>): string | null {
  const present = Object.entries(verdicts)
    .filter(([verdict, count]) => count > 0 && rank(verdict) !== -1)
    .map(([verdict]) => verdict);
  present.sort((a, b) => rank(a) - rank(b));
  return present[0] ?? null;
}

/** Whether the review fails at this threshold: a change with that verdict or a more serious one. */
export function fails(verdicts: Record<string, number>, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  const worst = mostSerious(verdicts);
  return worst !== null && rank(worst) <= rank(failOn);
}
