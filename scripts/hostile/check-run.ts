// Runs `tapedeck check --json` on the folder of every hostile file, measures its wall time and
// peak memory (with /usr/bin/time), and says how each file ended against what it must end as:
// `npx tsx --tsconfig tsconfig.json scripts/hostile/check-run.ts [DIR]` (without DIR, the full
// folder is written to a temporary one first). Exit 1 when a file ends otherwise, the run takes a
// minute or more, or its peak memory reaches 1 GB.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { hostileFiles, type HostileFile } from "./hostile-files";

const APP = fileURLToPath(new URL("../..", import.meta.url));
const MAX_SECONDS = 60;
const MAX_RSS_MB = 1024;

const reportSchema = z.object({
  files: z.number(),
  interactions: z.number(),
  failed: z.array(z.object({ path: z.string(), reason: z.string() })),
  interaction_problems: z.array(z.object({ path: z.string(), interaction: z.number(), reason: z.string() })),
});
type Report = z.infer<typeof reportSchema>;

function writeFolder(files: readonly HostileFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), "tapedeck-hostile-check-"));
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes());
  }
  return dir;
}

/** How the file ended in the report, in words, and whether that is what it must end as. */
function verdict(file: HostileFile, dir: string, report: Report): { ended: string; ok: boolean } {
  const path = join(dir, file.path);
  const failed = report.failed.find((item) => item.path === path);
  const problems = report.interaction_problems.filter((item) => item.path === path);
  const ended = failed
    ? `failed: ${failed.reason}`
    : problems.length > 0
      ? `opens; ${problems.length} interaction problem${problems.length > 1 ? "s" : ""}, #${problems[0]?.interaction}: ${problems[0]?.reason}`
      : "opens";
  const { outcome } = file;
  const ok =
    outcome.ends === "failed"
      ? failed !== undefined && outcome.reason.test(failed.reason)
      : outcome.ends === "problem"
        ? !failed &&
          problems.some(
            (item) => item.interaction === outcome.interaction && outcome.reason.test(item.reason),
          )
        : !failed && problems.length === 0;
  return { ended, ok };
}

const given = process.argv[2];
const files = hostileFiles("full");
const dir = given ? resolve(given) : writeFolder(files);
const timeFile = join(tmpdir(), `tapedeck-hostile-time-${process.pid}`);
const timed = existsSync("/usr/bin/time");
const command = [join(APP, "bin", "tapedeck.mjs"), "check", "--json", dir];
// Built before the clock starts: the launcher compiles the command line when its sources changed.
spawnSync(process.execPath, [join(APP, "bin", "tapedeck.mjs"), "--help"], { stdio: "ignore" });
const started = performance.now();
const run = timed
  ? spawnSync("/usr/bin/time", ["-f", "%e %M %U", "-o", timeFile, process.execPath, ...command], {
      maxBuffer: 256 * 1024 * 1024,
      encoding: "utf8",
    })
  : spawnSync(process.execPath, command, { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
const wall = (performance.now() - started) / 1000;
// The last line holds the figures (a failing exit adds a line before them).
const figures = timed ? (readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "") : "";
const [, rssKb = "0", user = "0"] = figures.trim().split(/\s+/);
rmSync(timeFile, { force: true });
if (run.status !== 0 && run.status !== 1) {
  console.error(`tapedeck check exited with ${String(run.status)}:\n${run.stderr}`);
  process.exit(1);
}
const report = reportSchema.parse(JSON.parse(run.stdout));
const rssMb = Number(rssKb) / 1024;

let wrong = 0;
for (const file of files) {
  const { ended, ok } = verdict(file, dir, report);
  if (!ok) wrong++;
  console.log(
    `${ok ? "ok  " : "BAD "} ${file.path}\n       ${ended.length > 220 ? `${ended.slice(0, 220)}…` : ended}`,
  );
}
console.log(
  `\ntapedeck check on ${report.files} files (${report.interactions.toLocaleString("en-US")} interactions): ` +
    `${wall.toFixed(1)} s wall` +
    (timed
      ? `, ${Number(user).toFixed(1)} s CPU (user), peak memory ${rssMb.toFixed(0)} MB`
      : " (no /usr/bin/time: memory not measured)"),
);
const slow = wall >= MAX_SECONDS;
const heavy = timed && rssMb >= MAX_RSS_MB;
if (slow) console.log(`FAIL: ${MAX_SECONDS} s or more`);
if (heavy) console.log(`FAIL: ${MAX_RSS_MB} MB or more`);
if (wrong > 0) console.log(`FAIL: ${wrong} files did not end as they must`);
if (!given) rmSync(dir, { recursive: true, force: true });
process.exit(slow || heavy || wrong > 0 ? 1 : 0);
