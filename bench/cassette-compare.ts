import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { loadYaml } from "@/lib/containers/yaml";
import { compareFiles } from "@/lib/diff/compare-files";
import { sideFileFromBytes } from "@/lib/diff/load-side";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { middle } from "./cpu-time";
import { printFigure, printTarget } from "./harness";
import { timeReviewAgainstDiff } from "./review-against-diff";

/** The largest cassette (4 MB, 1545 interactions: genai's OpenAI batch, polled). */
const LARGEST = "genai/providers/openaichat/testdata/TestClient/Batch.yaml";
/** The genai commit that re-records 136 cassettes. */
const TAG = "up-e460cbee1";

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

/** The YAML text of both sides of every cassette `tag` changes (git's pairs: a renamed file's old and new). */
function changedYaml(repo: string, tag: string): string[] {
  const show = (spec: string) =>
    execFileSync("git", ["-C", repo, "show", spec], { encoding: "utf8", maxBuffer: 1 << 30 });
  const listing = execFileSync("git", ["-C", repo, "diff", "--name-status", "-z", "-M", `${tag}~1`, tag], {
    encoding: "utf8",
  }).split("\0");
  const texts: string[] = [];
  for (let i = 0; i < listing.length - 1;) {
    const status = listing[i++] ?? "";
    const paths =
      status.startsWith("R") || status.startsWith("C") ? [listing[i++], listing[i++]] : [listing[i++]];
    const [before = "", after = before] = paths;
    if (!/\.ya?ml$/.test(after)) continue;
    if (!status.startsWith("A")) texts.push(show(`${tag}~1:${before}`));
    if (!status.startsWith("D")) texts.push(show(`${tag}:${after}`));
  }
  return texts;
}

/** The review of genai's re-recording commit vs `git diff -M` printing the full patch, in the same run. */
async function benchReviewGenai(shared: string): Promise<boolean> {
  // What reading the cassettes costs before anything is compared: their YAML, parsed by js-yaml alone.
  let texts: string[] | null = null;
  const parsed = { blobs: 0, bytes: 0 };
  const parseOnly = async (repo: string) => {
    texts ??= changedYaml(repo, TAG);
    parsed.blobs = texts.length;
    parsed.bytes = 0;
    for (const text of texts) {
      loadYaml(text, DEFAULT_LIMITS);
      parsed.bytes += text.length;
    }
  };
  const timed = await timeReviewAgainstDiff(join(shared, "corpus/genai-history.bundle"), TAG, 7, parseOnly);
  const { changes } = timed.review;
  const interactions = changes.reduce((n, change) => n + (change.interactions?.length ?? 0), 0);
  console.log(
    `\nReview genai ${TAG} (${changes.length} changed cassettes, ${interactions} interaction pairs)`,
  );
  const baseline = { name: "git diff -M <base> <head>, full patch", ms: timed.diffMs };
  const measured = { name: "tapedeck review (in process)", ms: timed.reviewMs };
  printFigure(baseline);
  printFigure(measured);
  if (timed.alsoMs !== null) {
    const name = `of which parsing the YAML (${parsed.blobs} blobs, ${(parsed.bytes / 1e6).toFixed(1)} MB)`;
    printFigure({ name, ms: timed.alsoMs });
    console.log(`  (parsing alone is ${(timed.alsoMs / timed.diffMs).toFixed(1)}× git diff)`);
  }
  if (timed.diffCpuMs !== null) {
    const [review, diff] = [timed.reviewCpuMs, timed.diffCpuMs];
    console.log(
      `  CPU: review ${review.toFixed(0)} ms, git diff ${diff.toFixed(0)} ms (${(review / Math.max(diff, 1)).toFixed(1)}×; clock ticks of 10 ms)`,
    );
  }
  return printTarget({ name: "cassette review", measured, baseline, maxRatio: 5 });
}

/** The cassette comparison targets: the largest cassette's diff, and the review of a re-recording commit. */
export async function benchCassetteCompare(shared: string): Promise<boolean[]> {
  return [await benchDiffLargestCassette(shared), await benchReviewGenai(shared)];
}
