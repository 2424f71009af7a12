import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildReview } from "@/lib/review/build-review";
import type { Review } from "@/lib/review/review-types";
import { cpuSince, middle } from "./cpu-time";

/** CPU milliseconds of this process's children that have ended (Linux: `/proc/self/stat` cutime + cstime); null elsewhere. */
async function childrenCpuMs(): Promise<number | null> {
  const stat = await readFile("/proc/self/stat", "utf8").catch(() => null);
  if (stat === null) return null;
  // The fields after the command name (which may hold spaces) start at its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[13]) + Number(fields[14]);
  return Number.isFinite(ticks) ? ticks * 10 : null;
}

export interface ReviewAgainstDiff {
  /** The review, as the first run made it. */
  review: Review;
  /** Medians in milliseconds: wall time of each, and CPU time (null where it cannot be read). */
  reviewMs: number;
  diffMs: number;
  reviewCpuMs: number;
  diffCpuMs: number | null;
  /** Median wall time of `alsoTime` (null when not asked), measured in the same rounds. */
  alsoMs: number | null;
}

/**
 * Times `tapedeck review` of `tag` (against its parent) and `git diff -M` printing the full patch
 * of the same commits, in a clone of `bundle`, interleaved so that both see the same load. The
 * review's CPU is this process's (the git processes it starts are not counted), git diff's is its
 * process's.
 */
export async function timeReviewAgainstDiff(
  bundle: string,
  tag: string,
  rounds: number,
  /** Something else to time in each round (after a first, untimed call), given the clone. */
  alsoTime?: (repo: string) => Promise<unknown>,
): Promise<ReviewAgainstDiff> {
  const dir = await mkdtemp(join(tmpdir(), "tapedeck-bench-review-"));
  try {
    const repo = join(dir, "repo");
    execFileSync("git", ["clone", "-q", bundle, repo]);
    const gitDiff = () =>
      new Promise<void>((resolve, reject) =>
        execFile("git", ["-C", repo, "diff", "-M", `${tag}~1`, tag], { maxBuffer: 1 << 30 }, (error) =>
          error ? reject(error) : resolve(),
        ),
      );
    const review = () => buildReview({ repo, base: `${tag}~1`, head: tag });
    const first = await review();
    await gitDiff();
    const also = alsoTime ? () => alsoTime(repo) : null;
    await also?.();
    const reviews: number[] = [];
    const diffs: number[] = [];
    const reviewCpu: number[] = [];
    const diffCpu: number[] = [];
    const alsos: number[] = [];
    for (let i = 0; i < rounds; i++) {
      let start = performance.now();
      const cpu = process.cpuUsage();
      await review();
      reviews.push(performance.now() - start);
      reviewCpu.push(cpuSince(cpu));
      const children = await childrenCpuMs();
      start = performance.now();
      await gitDiff();
      diffs.push(performance.now() - start);
      const after = await childrenCpuMs();
      if (children !== null && after !== null) diffCpu.push(after - children);
      if (also) {
        start = performance.now();
        await also();
        alsos.push(performance.now() - start);
      }
    }
    return {
      review: first,
      reviewMs: middle(reviews),
      diffMs: middle(diffs),
      reviewCpuMs: middle(reviewCpu),
      diffCpuMs: diffCpu.length > 0 ? middle(diffCpu) : null,
      alsoMs: alsos.length > 0 ? middle(alsos) : null,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
