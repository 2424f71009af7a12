import { execFile } from "node:child_process";
import { readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP_DIR, buildCli, ensureFresh, ENTRY, isStale, METAFILE } from "./build-cli.mjs";
import { MAIN_HELP } from "./main";
import { isBuiltin } from "node:module";

const metafileSchema = z.object({
  inputs: z.record(z.string(), z.unknown()),
  outputs: z.record(
    z.string(),
    z.object({
      entryPoint: z.string().optional(),
      inputs: z.record(z.string(), z.unknown()),
      imports: z.array(z.object({ path: z.string(), kind: z.string(), external: z.boolean().optional() })),
    }),
  ),
});

/** What loading `output` reads before any dynamic import: its inputs and those of its static imports. */
function staticClosure(
  metafile: z.infer<typeof metafileSchema>,
  output: string,
): { inputs: string[]; external: string[] } {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const item of metafile.outputs[path]?.imports ?? []) {
      if (item.kind !== "import-statement") continue;
      if (item.external) external.add(item.path);
      else visit(item.path);
    }
  };
  visit(output);
  return {
    inputs: [...seen].flatMap((path) => Object.keys(metafile.outputs[path]?.inputs ?? {})),
    external: [...external],
  };
}

function outputOf(metafile: z.infer<typeof metafileSchema>, entryPoint: string): string {
  const found = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === entryPoint);
  if (!found) throw new Error(`no output for ${entryPoint}`);
  return found[0];
}

/** Modules a command must not load before it runs (each loads only what it uses). */
const GIT_REVIEW_SHIKI = [/^lib\/git\//, /^lib\/review\//, /^node_modules\/(shiki|@shikijs)\//];
const NOT_LOADED: Record<string, RegExp[]> = {
  // show decodes one file: no diff at all.
  show: [...GIT_REVIEW_SHIKI, /^lib\/diff\//, /^lib\/match\//, /^node_modules\/(diff|microdiff)\//],
  // check decodes many; --drift (the matcher, request differences) and --secrets (secretlint's
  // rules) are loaded only when asked for.
  check: [...GIT_REVIEW_SHIKI, /^lib\/(diff|match)\//, /^node_modules\/(diff|@secretlint)\//],
};

describe("cli/build-cli.mjs", () => {
  it("compiles one module per command: --help loads none; show and check no git, review or shiki", async () => {
    await buildCli();
    const metafile = metafileSchema.parse(JSON.parse(readFileSync(METAFILE, "utf8")));
    const entry = staticClosure(metafile, outputOf(metafile, "cli/main.ts"));
    expect(entry.inputs.sort()).toEqual(["cli/args.ts", "cli/main.ts"]);
    expect(entry.external).toEqual(["node:util"]);
    for (const [command, patterns] of Object.entries(NOT_LOADED)) {
      const closure = staticClosure(metafile, outputOf(metafile, `cli/${command}-command.ts`));
      const loaded = closure.inputs.filter((input) => patterns.some((pattern) => pattern.test(input)));
      expect(loaded, command).toEqual([]);
      expect(closure.inputs, command).toContain("lib/recording/read-recording.ts");
    }
    const diff = staticClosure(metafile, outputOf(metafile, "cli/diff-command.ts"));
    expect(diff.inputs).toContain("lib/diff/compare.ts");
    const review = staticClosure(metafile, outputOf(metafile, "cli/review-command.ts"));
    expect(review.inputs).toContain("lib/review/build-review.ts");
    expect(review.inputs.filter((input) => input.startsWith("node_modules/diff/")).length).toBeGreaterThan(0);
  });

  it("bundles every dependency: the compiled modules import only Node's own", () => {
    const metafile = metafileSchema.parse(JSON.parse(readFileSync(METAFILE, "utf8")));
    const external = Object.values(metafile.outputs).flatMap((output) =>
      output.imports.filter((item) => item.external).map((item) => item.path),
    );
    // Some bundled packages name Node's modules without the prefix (`require("tty")`).
    expect(external.filter((path) => !isBuiltin(path))).toEqual([]);
  });

  it("rebuilds when a source is newer than the build, and only then", async () => {
    await ensureFresh();
    expect(isStale()).toBe(false);
    const built = statSync(ENTRY).mtimeMs;
    const source = join(APP_DIR, "cli", "main.ts");
    const now = new Date();
    utimesSync(source, now, now);
    expect(isStale()).toBe(true);
    expect(await ensureFresh()).toBe(true);
    expect(isStale()).toBe(false);
    expect(statSync(ENTRY).mtimeMs).toBeGreaterThan(built);
    expect(await ensureFresh()).toBe(false);
  });

  it("bin/tapedeck.mjs runs the compiled entry as a whole process", async () => {
    const { stdout } = await new Promise<{ stdout: string }>((done, fail) =>
      execFile(process.execPath, [join(APP_DIR, "bin", "tapedeck.mjs"), "--help"], (error, stdout) =>
        error ? fail(error) : done({ stdout: String(stdout) }),
      ),
    );
    expect(stdout).toBe(`${MAIN_HELP}\n`);
  });
});
