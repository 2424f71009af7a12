import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildReview } from "@/lib/review/build-review";
import { printFigure, printTarget } from "./harness";

const TAG = "up-79bed44b0";

/** Issue "Review": the review of one commit vs `git diff -M` printing the full patch. */
export async function benchReviewHistory(bundle: string): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "tapedeck-bench-history-"));
  try {
    const repo = join(dir, "history");
    execFileSync("git", ["clone", "-q", bundle, repo]);
    const gitDiff = () =>
      new Promise<void>((resolve, reject) =>
        execFile("git", ["-C", repo, "diff", "-M", `${TAG}~1`, TAG], { maxBuffer: 1 << 30 }, (error) =>
          error ? reject(error) : resolve(),
        ),
      );
    const review = () => buildReview({ repo, base: `${TAG}~1`, head: TAG });
    const first = await review();
    await gitDiff();
    const reviews: number[] = [];
    const diffs: number[] = [];
    for (let i = 0; i < 5; i++) {
      let start = performance.now();
      await review();
      reviews.push(performance.now() - start);
      start = performance.now();
      await gitDiff();
      diffs.push(performance.now() - start);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2] ?? 0;
    console.log(`\nReview ${TAG} (${first.changes.length} changed recordings)`);
    const baseline = { name: "git diff -M <base> <head>, full patch", ms: median(diffs) };
    const measured = { name: "tapedeck review (in process)", ms: median(reviews) };
    printFigure(baseline);
    printFigure(measured);
    return printTarget({ name: "review", measured, baseline, maxRatio: 10 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
