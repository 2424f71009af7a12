#!/usr/bin/env node
// Compiles the command line (cli/ and the lib/ it uses) into dist/ with esbuild, once, ahead of any
// run: `npm install` runs it (the `prepare` script), and bin/tapedeck.mjs runs it again in a
// checkout whose sources changed since. One ES module per command (each command is a dynamic
// import in cli/main.ts), so a command loads only what it uses. Dependencies stay imports of the
// installed packages. Output files are flat in dist/: serve-command finds the app folder as "..".
//
// Safe from several processes at once: every file is written next to its place and renamed over
// it, and chunk names carry a hash of their content, so a reader never sees half a file.
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
export const DIST = join(APP_DIR, "dist");
/** The compiled entry bin/tapedeck.mjs imports (exports `main`). */
export const ENTRY = join(DIST, "cli.mjs");
/** The sources the last build read (paths from the app folder), for bin/tapedeck.mjs's freshness check. */
export const INPUTS = join(DIST, "inputs.json");
/** esbuild's metafile of the last build: which output imports which (the start-up tests read it). */
export const METAFILE = join(DIST, "metafile.json");

/** Writes `path` through a temporary sibling and a rename. */
function place(path, contents) {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/** Builds dist/; returns the output files' paths. `clean`: remove every chunk of older builds. */
export async function buildCli({ clean = false } = {}) {
  const { build } = await import("esbuild");
  // Taken before esbuild reads a source: an edit made during the build makes the next run rebuild.
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: APP_DIR,
    entryPoints: { cli: "cli/main.ts", "github-action": "cli/github-action.ts" },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Dependencies are bundled too: one file per command starts faster than the hundreds of
    // modules zod and the others are made of, and the installed package needs none of them.
    // "module" first: some (jsonc-parser) publish a UMD "main" that esbuild cannot bundle.
    mainFields: ["module", "main"],
    chunkNames: "chunk-[hash]",
    entryNames: "[name]",
    outExtension: { ".js": ".mjs" },
    tsconfig: join(APP_DIR, "tsconfig.json"),
    metafile: true,
    write: false,
    logLevel: "warning",
    legalComments: "none",
    // Less to parse at each start; names are kept, for readable stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    // CommonJS packages bundled into ES modules (debug, under secretlint) call `require("tty")`:
    // give every chunk a real `require` for Node's own modules.
    banner: {
      js: 'import{createRequire as __tdRequire}from"node:module";const require=__tdRequire(import.meta.url);',
    },
  });
  mkdirSync(DIST, { recursive: true });
  const written = new Set();
  for (const file of result.outputFiles) {
    place(file.path, file.contents);
    written.add(basename(file.path));
  }
  // The builder and the lock file count as inputs: dependencies are bundled too.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith("node_modules/"))
    .concat("cli/build-cli.mjs", "package-lock.json")
    .sort();
  place(METAFILE, JSON.stringify(result.metafile));
  place(INPUTS, JSON.stringify({ inputs, builtAt }));
  written.add(basename(METAFILE)).add(basename(INPUTS));
  // Chunks of older builds are kept for an hour, for a process that loaded the old entry just
  // before; a temporary file for a minute, in case another build is writing it. `clean` (making
  // the package) removes them all.
  for (const name of readdirSync(DIST)) {
    if (written.has(name) || !/^chunk-|\.tmp-/.test(name)) continue;
    if (clean && !name.includes(".tmp-")) {
      rmSync(join(DIST, name), { force: true });
      continue;
    }
    const path = join(DIST, name);
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > (name.includes(".tmp-") ? 60_000 : 3_600_000)) rmSync(path, { force: true });
  }
  return [...written].map((name) => relative(APP_DIR, join(DIST, name)));
}

/** Whether dist/ is missing or older than a source it was built from. */
export function isStale() {
  let built;
  try {
    built = JSON.parse(readFileSync(INPUTS, "utf8"));
  } catch {
    return true;
  }
  if (!Array.isArray(built.inputs) || typeof built.builtAt !== "number") return true;
  if (!statSync(ENTRY, { throwIfNoEntry: false })) return true;
  return built.inputs.some((input) => {
    const info = statSync(join(APP_DIR, String(input)), { throwIfNoEntry: false });
    return !info || info.mtimeMs > built.builtAt;
  });
}

/** Builds dist/ when it is stale; returns whether it did. */
export async function ensureFresh() {
  if (!isStale()) return false;
  await buildCli();
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const files = await buildCli();
  console.log(`build-cli: ${files.length} files in dist/ (${Date.now() - started} ms)`);
}
