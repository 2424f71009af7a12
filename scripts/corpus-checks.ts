/**
 * Checks against the real recordings in ../shared (run by .ci/run after the test suite).
 * Each check runs the `tapedeck` command as a user would and compares its JSON output; the
 * cassette checks (`scripts/corpus/cassette-checks.ts`) also read every interaction in process.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";
import { compareRecordings } from "@/lib/diff/compare";
import { sideFromText } from "@/lib/diff/load-side";
import { CatFileBatch } from "@/lib/git/cat-file-batch";
import { cassetteChecks } from "./corpus/cassette-checks";
import type { Check } from "./corpus/check";
import { tapedeck } from "./corpus/tapedeck";
import { yamlReadersCheck } from "./corpus/yaml-readers";

const SHARED = resolve(process.env.TAPEDECK_SHARED ?? "../shared");

/** A clone of the history bundle in a temporary folder, made once. */
let history: string | null = null;
function historyRepo(): string {
  if (history) return history;
  const dir = mkdtempSync(join(tmpdir(), "tapedeck-history-"));
  execFileSync("git", ["clone", "-q", `${SHARED}/corpus/history.bundle`, join(dir, "history")]);
  history = join(dir, "history");
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return history;
}

const reviewJson = z.object({
  changes: z.array(
    z.object({ status: z.string(), path: z.string(), oldPath: z.string().nullable(), verdict: z.string() }),
  ),
});

async function review(tag: string) {
  const { stdout } = await tapedeck([
    "review",
    "--repo",
    historyRepo(),
    "--base",
    `${tag}~1`,
    "--head",
    tag,
    "--format",
    "json",
  ]);
  return reviewJson.parse(JSON.parse(stdout));
}

const checks: Check[] = [
  {
    name: "check llama-stack-head: 3,162 files, 0 failed, 0 generic",
    run: async () => {
      const { code, stdout } = await tapedeck(["check", `${SHARED}/corpus/llama-stack-head`, "--json"]);
      const report = z
        .object({
          files: z.number(),
          generic: z.number(),
          failed: z.array(z.object({ path: z.string(), reason: z.string() })),
        })
        .parse(JSON.parse(stdout));
      if (report.files !== 3162) return `expected 3162 files, got ${report.files}`;
      if (report.failed.length > 0)
        return `${report.failed.length} failed, e.g. ${JSON.stringify(report.failed.slice(0, 3))}`;
      if (report.generic !== 0) return `${report.generic} fell back to generic`;
      if (code !== 0) return `exit code ${code}`;
      return null;
    },
  },
  {
    name: "show the seed recording: the reassembled content",
    run: async () => {
      const { code, stdout } = await tapedeck([
        "show",
        `${SHARED}/corpus/seed/000_834b75d4d8d2c32e.txt`,
        "--json",
      ]);
      const shown = z.object({ message: z.object({ content: z.string() }) }).parse(JSON.parse(stdout));
      const expected = "Hello! How can I assist you today?";
      if (shown.message.content !== expected) return `content was ${JSON.stringify(shown.message.content)}`;
      return code === 0 ? null : `exit code ${code}`;
    },
  },
  {
    name: "diff: files modified in up-3f36bfaea vs their previous version, at least 330 of 341 noise",
    run: async () => {
      const repo = historyRepo();
      const tag = "up-3f36bfaea";
      const listing = execFileSync(
        "git",
        ["-C", repo, "diff", "--name-status", "--no-renames", `${tag}~1`, tag],
        {
          encoding: "utf8",
        },
      );
      const modified = listing
        .split("\n")
        .filter((line) => line.startsWith("M\t"))
        .map((line) => line.slice(2));
      const batch = new CatFileBatch(repo);
      const verdicts: Record<string, number> = {};
      try {
        for (const path of modified) {
          const before = sideFromText((await batch.read(`${tag}~1:${path}`))?.toString("utf8") ?? "").side;
          const after = sideFromText((await batch.read(`${tag}:${path}`))?.toString("utf8") ?? "").side;
          const verdict = before && after ? compareRecordings(before, after).verdict : "broken";
          verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
        }
      } finally {
        batch.close();
      }
      console.log(`     ${modified.length} modified: ${JSON.stringify(verdicts)}`);
      if (modified.length !== 341) return `expected 341 modified files, found ${modified.length}`;
      return (verdicts.noise ?? 0) >= 330 ? null : `only ${verdicts.noise ?? 0} noise`;
    },
  },
  {
    name: "review up-3f36bfaea: at least 330 of the 341 modified recordings are noise",
    run: async () => {
      const { changes } = await review("up-3f36bfaea");
      const modified = changes.filter((c) => c.status === "modified");
      const noise = modified.filter((c) => c.verdict === "noise").length;
      console.log(`     ${modified.length} modified, ${noise} noise`);
      if (modified.length !== 341) return `expected 341 modified, got ${modified.length}`;
      return noise >= 330 ? null : `only ${noise} noise`;
    },
  },
  {
    name: "review up-045a0c1d5: at least 330 of its 355 added or renamed recordings have oldPath",
    run: async () => {
      const { changes } = await review("up-045a0c1d5");
      const arrived = changes.filter(
        (c) => c.status === "added" || c.status === "renamed" || c.status === "copied",
      );
      const linked = arrived.filter((c) => c.oldPath !== null).length;
      console.log(`     ${arrived.length} added or renamed, ${linked} linked to a base recording`);
      if (arrived.length !== 355) return `expected 355 added or renamed, got ${arrived.length}`;
      return linked >= 330 ? null : `only ${linked} linked`;
    },
  },
  ...cassetteChecks(SHARED),
  yamlReadersCheck(SHARED),
];

let passed = 0;
let failed = 0;
for (const check of checks) {
  const started = Date.now();
  let problem: string | null;
  try {
    problem = await check.run();
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problem === null) {
    passed++;
    console.log(`ok   ${check.name} (${seconds} s)`);
  } else {
    failed++;
    console.log(`FAIL ${check.name} (${seconds} s): ${problem}`);
  }
}
console.log(`corpus: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
