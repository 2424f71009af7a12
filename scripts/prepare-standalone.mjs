#!/usr/bin/env node
// After `next build`: the standalone server (`.next/standalone/server.js`) serves the client assets
// and public/ only from its own folder, and `next build` does not copy them there. Safe to run
// again and from several processes at once (the end-to-end web servers start together): a build
// already prepared is left alone, and a copy is moved into place in one step.
// Usage: node scripts/prepare-standalone.mjs [app dir]   (default: the current folder)
import { cp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

const appDir = resolve(process.argv[2] ?? ".");
const distDir = join(appDir, ".next");
const standalone = join(distDir, "standalone");
const marker = join(standalone, ".next", "STATIC_PREPARED");

const exists = async (path) => (await stat(path).catch(() => null)) !== null;
const read = (path) => readFile(path, "utf8").catch(() => null);

/** Copies `from` to `to` through a temporary sibling and a rename, replacing an older `to`. */
async function place(from, to) {
  const temp = `${to}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await cp(from, temp, { recursive: true });
  await rm(to, { recursive: true, force: true });
  try {
    await rename(temp, to);
  } catch (error) {
    // Another process placed it first: theirs is the same copy.
    await rm(temp, { recursive: true, force: true });
    if (!(await exists(to))) throw error;
  }
}

if (!(await exists(join(standalone, "server.js")))) {
  console.error(
    `prepare-standalone: no ${join(standalone, "server.js")}: is output: "standalone" set in next.config.js, and did next build run?`,
  );
  process.exit(1);
}
const buildId = (await read(join(distDir, "BUILD_ID")))?.trim() ?? "";
if (buildId !== "" && (await read(marker)) === buildId) process.exit(0);
await place(join(distDir, "static"), join(standalone, ".next", "static"));
if (await exists(join(appDir, "public"))) await place(join(appDir, "public"), join(standalone, "public"));
await writeFile(marker, buildId);
console.log(`prepare-standalone: ready: node ${join(standalone, "server.js")}`);
