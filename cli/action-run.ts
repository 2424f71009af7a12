import { spawn } from "node:child_process";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { REVIEW_MARKER } from "@/lib/review/markdown";
import { GitHubError, upsertComment } from "./action-comment";
import { FAIL_ON, fails, mostSerious, reviewCounts } from "./action-verdicts";

/**
 * The GitHub Action (action.yml) in one function: `tapedeck review` of the pull request, its
 * markdown as the one Tapedeck comment, its HTML for the artifact step, and whether `fail-on`
 * fails the job, all as step outputs. Runs from the action's own checkout.
 */

export type Env = Record<string, string | undefined>;

export interface ActionDeps {
  /** Runs `tapedeck review` with these arguments in `cwd`; its exit code. */
  review: (args: string[], cwd: string) => Promise<number>;
  log: (line: string) => void;
}

const BIN = fileURLToPath(new URL("../bin/tapedeck.mjs", import.meta.url));

/** The packaged command line, as a child process (what a user runs). */
function spawnReview(args: string[], cwd: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, "review", ...args], { cwd, stdio: "inherit" });
    child.on("error", fail);
    child.on("exit", (code) => done(code ?? 1));
  });
}

const DEFAULT_DEPS: ActionDeps = { review: spawnReview, log: (line) => console.log(line) };

const flag = (name: string) =>
  z
    .enum(["true", "false"], { error: `${name} must be true or false` })
    .default("true")
    .transform((value) => value === "true");

/** The action's inputs, as action.yml passes them (empty = not given). */
const inputsSchema = z.object({
  INPUT_BASE: z.string().default(""),
  INPUT_HEAD: z.string().default(""),
  INPUT_PATHS: z.string().default(""),
  INPUT_COMMENT: flag("comment"),
  INPUT_HTML_ARTIFACT: flag("html-artifact"),
  INPUT_FAIL_ON: z.enum(FAIL_ON, { error: `fail-on must be one of ${FAIL_ON.join(", ")}` }).default("error"),
  INPUT_LINK_BASE: z.string().default(""),
  INPUT_GITHUB_TOKEN: z.string().default(""),
  GITHUB_WORKSPACE: z.string().default("."),
  GITHUB_EVENT_PATH: z.string().optional(),
  GITHUB_REPOSITORY: z.string().default(""),
  GITHUB_API_URL: z.string().default("https://api.github.com"),
  GITHUB_SERVER_URL: z.string().default("https://github.com"),
  GITHUB_RUN_ID: z.string().default(""),
  GITHUB_OUTPUT: z.string().optional(),
  GITHUB_STEP_SUMMARY: z.string().optional(),
  RUNNER_TEMP: z.string().optional(),
});

const eventSchema = z.object({
  pull_request: z
    .object({ number: z.number(), base: z.object({ sha: z.string() }), head: z.object({ sha: z.string() }) })
    .optional(),
});

/** Pathspecs from the `paths` input: one per line, or separated by commas. */
export function parsePaths(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((path) => path.trim())
    .filter((path) => path !== "");
}

/** Empty values count as not given, as GitHub passes an input left out. */
function withoutEmpty(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && value.trim() !== "") out[key] = value.trim();
  return out;
}

async function readEvent(path: string | undefined): Promise<z.infer<typeof eventSchema>> {
  if (!path) return {};
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const parsed = eventSchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

/** Writes `name=value` step outputs (values are single lines: paths, words, numbers). */
async function setOutputs(file: string | undefined, outputs: Record<string, string>, deps: ActionDeps) {
  const lines = Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`);
  if (file) await appendFile(file, lines.join(""));
  else for (const line of lines) deps.log(`output ${line.trimEnd()}`);
}

/** Runs the action; returns the exit code of its review step (1 only when the review could not run). */
export async function runAction(env: Env, deps: ActionDeps = DEFAULT_DEPS): Promise<number> {
  const parsed = inputsSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) deps.log(`::error::tapedeck review: ${issue.message}`);
    return 1;
  }
  const inputs = parsed.data;
  const event = await readEvent(inputs.GITHUB_EVENT_PATH);
  const pull = event.pull_request;
  const base = inputs.INPUT_BASE || pull?.base.sha || "";
  if (base === "") {
    deps.log(
      "::error::tapedeck review: no base revision: set the base input (this is not a pull_request event)",
    );
    return 1;
  }
  const workspace = resolve(inputs.GITHUB_WORKSPACE);
  const outDir = join(inputs.RUNNER_TEMP ?? tmpdir(), "tapedeck-review");
  await mkdir(outDir, { recursive: true });
  const files = {
    markdown: join(outDir, "tapedeck-review.md"),
    json: join(outDir, "tapedeck-review.json"),
    html: join(outDir, "tapedeck-review.html"),
  };
  const args = ["--repo", workspace, "--base", base];
  // Without head, the checkout is the head: on pull_request events, GitHub's merge commit.
  if (inputs.INPUT_HEAD) args.push("--head", inputs.INPUT_HEAD);
  for (const path of parsePaths(inputs.INPUT_PATHS)) args.push("--path", path);
  if (inputs.INPUT_LINK_BASE) args.push("--link-base", inputs.INPUT_LINK_BASE);
  args.push("--out", files.markdown, "--out", files.json);
  if (inputs.INPUT_HTML_ARTIFACT) args.push("--out", files.html);

  const code = await deps.review(args, workspace);
  // 0: nothing to look at, 1: changes to look at; anything else: the review did not run.
  if (code !== 0 && code !== 1) {
    deps.log(`::error::tapedeck review exited with status ${code}: see its message above`);
    return 1;
  }
  const counts = reviewCounts.parse(JSON.parse(await readFile(files.json, "utf8")));
  const verdicts = counts.summary.verdicts;
  const failed = fails(verdicts, inputs.INPUT_FAIL_ON);
  let markdown = await readFile(files.markdown, "utf8");
  const runUrl = `${inputs.GITHUB_SERVER_URL}/${inputs.GITHUB_REPOSITORY}/actions/runs/${inputs.GITHUB_RUN_ID}`;
  if (inputs.INPUT_HTML_ARTIFACT && inputs.GITHUB_RUN_ID) {
    markdown += `\n---\nThe full report (filters, mark as seen) is the \`tapedeck-review\` artifact of [this run](${runUrl}#artifacts).\n`;
  }
  if (inputs.GITHUB_STEP_SUMMARY) await appendFile(inputs.GITHUB_STEP_SUMMARY, markdown);

  if (inputs.INPUT_COMMENT) await comment(inputs, pull?.number ?? null, markdown, deps);
  const worst = mostSerious(verdicts) ?? "none";
  await setOutputs(
    inputs.GITHUB_OUTPUT,
    {
      verdict: worst,
      changes: String(counts.changes.length),
      failed: String(failed),
      markdown: files.markdown,
      json: files.json,
      html: inputs.INPUT_HTML_ARTIFACT ? files.html : "",
    },
    deps,
  );
  deps.log(
    `tapedeck review: ${counts.changes.length} changes, most serious: ${worst}; fail-on ${inputs.INPUT_FAIL_ON}: ${failed ? "fails" : "passes"}`,
  );
  return 0;
}

async function comment(
  inputs: z.infer<typeof inputsSchema>,
  issue: number | null,
  markdown: string,
  deps: ActionDeps,
): Promise<void> {
  if (issue === null) {
    deps.log("tapedeck review: not a pull request event: no comment");
    return;
  }
  if (!inputs.INPUT_GITHUB_TOKEN || !inputs.GITHUB_REPOSITORY) {
    deps.log("::warning::tapedeck review: no github-token or repository: no comment");
    return;
  }
  const target = {
    api: inputs.GITHUB_API_URL.replace(/\/+$/, ""),
    repository: inputs.GITHUB_REPOSITORY,
    issue,
    token: inputs.INPUT_GITHUB_TOKEN,
  };
  try {
    const { action, id } = await upsertComment(target, REVIEW_MARKER, markdown);
    deps.log(`tapedeck review: ${action} comment ${id} on #${issue}`);
  } catch (error) {
    // A fork's pull request gets a read-only token: the review and the artifact still count.
    if (error instanceof GitHubError || error instanceof TypeError) {
      deps.log(`::warning::tapedeck review: could not comment: ${error.message}`);
      return;
    }
    throw error;
  }
}
