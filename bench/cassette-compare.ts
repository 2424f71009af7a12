import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { compareFiles } from "@/lib/diff/compare-files";
import { sideFileFromBytes } from "@/lib/diff/load-side";
import { buildReview } from "@/lib/review/build-review";
import { printFigure, printTarget } from "./harness";

/** The largest cassette (4 MB, 1545 interactions: genai's OpenAI batch, polled). */
const LARGEST = "genai/providers/openaichat/testdata/TestClient/Batch.yaml";
/** The genai commit that re-records 136 cassettes. */
const TAG = "up-e460cbee1";

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** One interaction's reply changed: the first `"status": "in_progress"` after the middle of the file. */
function changeOneReply(text: string): string {
  const marker = '"status": "in_progress"';
  const at = text.indexOf(marker, Math.floor(text.length / 2));
  if (at === -1) throw new Error("no batch status to change in the largest cassette");
  return `${text.slice(0, at)}"status": "finalizing"${text.slice(at + marker.length)}`;
}

/** Issue "Compare and review cassettes": diffing the largest cassette against a copy with one reply changed. */
async function benchDiffLargestCassette(shared: string): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), "tapedeck-bench-cassette-diff-"));
  try {
    await promisify(execFile)("tar", ["-xzf", join(shared, "corpus/cassettes-large.tar.gz"), "-C", dir]);
    const before = await readFile(join(dir, LARGEST), "utf8");
    const after = changeOneReply(before);
    const a = sideFileFromBytes(Buffer.from(before), LARGEST).side;
    const b = sideFileFromBytes(Buffer.from(after), LARGEST).side;
    if (!a || !b) throw new Error("the largest cassette does not decode");
    console.log(
      `\nDiff the largest cassette (${(before.length / 1024 / 1024).toFixed(1)} MB, ${a.file.interactions.length} interactions) with one reply changed`,
    );
    const runs: number[] = [];
    let verdict = "";
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      const comparison = compareFiles(a, b);
      runs.push(performance.now() - start);
      verdict = `${comparison.verdict}: ${comparison.summary}`;
    }
    const diff = { name: "pair and compare every interaction (decoded files)", ms: middle(runs.slice(1)) };
    printFigure(diff);
    const ok = diff.ms < 300;
    console.log(
      `  ${ok ? "PASS" : "FAIL"} cassette diff under 300 ms (${diff.ms.toFixed(1)} ms) → ${verdict}`,
    );
    return ok;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** CPU seconds of this process's children that have ended (Linux: `/proc/self/stat` cutime + cstime); null elsewhere. */
async function childrenCpuMs(): Promise<number | null> {
  const stat = await readFile("/proc/self/stat", "utf8").catch(() => null);
  if (stat === null) return null;
  // The fields after the command name (which may hold spaces) start at its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[13]) + Number(fields[14]);
  return Number.isFinite(ticks) ? ticks * 10 : null;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** The review of genai's re-recording commit vs `git diff -M` printing the full patch, in the same run. */
async function benchReviewGenai(shared: string): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), "tapedeck-bench-genai-"));
  try {
    const repo = join(dir, "genai");
    execFileSync("git", ["clone", "-q", join(shared, "corpus/genai-history.bundle"), repo]);
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
    const reviewCpu: number[] = [];
    const diffCpu: number[] = [];
    // Interleaved, so both see the same load; the review's CPU is this process's (git's own
    // processes for the review are not counted), git diff's is its process's.
    for (let i = 0; i < 7; i++) {
      let start = performance.now();
      const cpu = process.cpuUsage();
      await review();
      reviews.push(performance.now() - start);
      reviewCpu.push(cpuMs(process.cpuUsage(cpu)));
      const children = await childrenCpuMs();
      start = performance.now();
      await gitDiff();
      diffs.push(performance.now() - start);
      const after = await childrenCpuMs();
      if (children !== null && after !== null) diffCpu.push(after - children);
    }
    const interactions = first.changes.reduce((n, change) => n + (change.interactions?.length ?? 0), 0);
    console.log(
      `\nReview genai ${TAG} (${first.changes.length} changed cassettes, ${interactions} interaction pairs)`,
    );
    const baseline = { name: "git diff -M <base> <head>, full patch", ms: middle(diffs) };
    const measured = { name: "tapedeck review (in process)", ms: middle(reviews) };
    printFigure(baseline);
    printFigure(measured);
    if (diffCpu.length > 0) {
      const [review, diff] = [middle(reviewCpu), middle(diffCpu)];
      console.log(
        `  CPU: review ${review.toFixed(0)} ms, git diff ${diff.toFixed(0)} ms (${(review / Math.max(diff, 1)).toFixed(1)}×; clock ticks of 10 ms)`,
      );
    }
    return printTarget({ name: "cassette review", measured, baseline, maxRatio: 5 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The cassette comparison targets: the largest cassette's diff, and the review of a re-recording commit. */
export async function benchCassetteCompare(shared: string): Promise<boolean[]> {
  return [await benchDiffLargestCassette(shared), await benchReviewGenai(shared)];
}
