import { printFigure, printTarget } from "./harness";
import { timeReviewAgainstDiff } from "./review-against-diff";

const TAG = "up-79bed44b0";

/** Issue "Review": the review of one commit vs `git diff -M` printing the full patch. */
export async function benchReviewHistory(bundle: string): Promise<boolean> {
  const timed = await timeReviewAgainstDiff(bundle, TAG, 5);
  console.log(`\nReview ${TAG} (${timed.review.changes.length} changed recordings)`);
  const baseline = { name: "git diff -M <base> <head>, full patch", ms: timed.diffMs };
  const measured = { name: "tapedeck review (in process)", ms: timed.reviewMs };
  printFigure(baseline);
  printFigure(measured);
  return printTarget({ name: "review", measured, baseline, maxRatio: 10 });
}
