/**
 * Checks against the real recordings in ../shared (run by .ci/run after the test suite).
 * Each check runs the `tapedeck` command as a user would and compares its JSON output.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const run = promisify(execFile);
const SHARED = resolve(process.env.TAPEDECK_SHARED ?? "../shared");
const BIN = resolve("bin/tapedeck.mjs");

async function tapedeck(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args], { maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (error) {
    const parsed = z.object({ code: z.number(), stdout: z.string() }).safeParse(error);
    if (parsed.success) return parsed.data;
    throw error;
  }
}

type Check = { name: string; run: () => Promise<string | null> };

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
