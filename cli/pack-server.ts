// `npm pack` (the `prepack` script): puts what an installed package runs into dist/, so that
// `npx tapedeck serve` needs nothing built on the user's side:
// - the command line, compiled afresh (older chunks removed);
// - dist/server: the standalone server (`next build`, made first when missing or older than the
//   sources), without its node_modules, which `npm pack` never includes: the server then loads
//   `next`, `react` and the other packages it needs from the installing project's node_modules.
// Run with tsx: `tsx --tsconfig tsconfig.json cli/pack-server.ts`.
import { cp, readdir, readFile, readlink, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCli } from "./build-cli.mjs";
import { ensureStandaloneBuild } from "./serve-command";
import { PACKAGED_SERVER_DIR } from "./packaged-server";

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
const STANDALONE = join(APP_DIR, ".next", "standalone");

/** What the standalone folder holds that the package must not: traced sources, installed packages. */
const LEFT_OUT = new Set(["node_modules", "lib"]);

/**
 * Turbopack loads some server packages (shiki) under a hashed alias, `shiki-43d0…`, a symbolic
 * link in `.next/node_modules`. A package holds neither links nor node_modules folders, so the
 * alias is replaced by the package's own name in the server's code, to be found where npm
 * installed it. Returns alias → package name.
 */
async function hashedAliases(): Promise<Map<string, string>> {
  const dir = join(STANDALONE, ".next", "node_modules");
  const aliases = new Map<string, string>();
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const scoped = entry.name.startsWith("@");
    const names = scoped
      ? (await readdir(join(dir, entry.name))).map((n) => `${entry.name}/${n}`)
      : [entry.name];
    for (const alias of names) {
      const target = await readlink(join(dir, alias)).catch(() => null);
      if (target === null) throw new Error(`pack-server: ${join(dir, alias)} is not a link`);
      const parts = target.split("/");
      const name = parts.at(-2)?.startsWith("@") ? parts.slice(-2).join("/") : (parts.at(-1) ?? "");
      aliases.set(alias, name);
    }
  }
  return aliases;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Copies the standalone build into dist/server, through a temporary folder and a rename. */
async function packServer(): Promise<{ files: number; aliases: Map<string, string> }> {
  const temp = `${PACKAGED_SERVER_DIR}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  for (const name of await readdir(STANDALONE)) {
    if (LEFT_OUT.has(name)) continue;
    await cp(join(STANDALONE, name), join(temp, name), {
      recursive: true,
      // Build traces (.nft.json) only serve `next build`.
      filter: (source) =>
        source !== join(STANDALONE, ".next", "node_modules") && !source.endsWith(".nft.json"),
    });
  }
  const aliases = await hashedAliases();
  if (aliases.size > 0) {
    const pattern = new RegExp(`(["'])(${[...aliases.keys()].map(escapeRegExp).join("|")})(?=["'/])`, "g");
    for (const file of await filesUnder(join(temp, ".next", "server"))) {
      if (!file.endsWith(".js")) continue;
      const text = await readFile(file, "utf8");
      const replaced = text.replace(
        pattern,
        (_match, quote: string, alias: string) => `${quote}${aliases.get(alias)}`,
      );
      if (replaced !== text) await writeFile(file, replaced);
    }
  }
  // server.js is an ES module: it needs a package.json saying so beside it.
  await writeFile(join(temp, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
  await rm(PACKAGED_SERVER_DIR, { recursive: true, force: true });
  await rename(temp, PACKAGED_SERVER_DIR);
  return { files: (await filesUnder(PACKAGED_SERVER_DIR)).length, aliases };
}

async function main(): Promise<number> {
  const cli = await buildCli({ clean: true });
  console.log(`pack-server: command line compiled (${cli.length} files)`);
  // The package is served from "/": a sub-path needs a build from the sources (TAPEDECK_BASE_PATH).
  const built = await ensureStandaloneBuild("", { ...process.env, TAPEDECK_BASE_PATH: "" });
  if (built !== 0) return built;
  if (!(await stat(join(STANDALONE, "server.js")).catch(() => null))) {
    console.error(`pack-server: no ${join(STANDALONE, "server.js")} after the build`);
    return 1;
  }
  const { files, aliases } = await packServer();
  const renamed = [...aliases].map(([alias, name]) => `${alias} → ${name}`).join(", ");
  console.log(`pack-server: dist/server ready (${files} files${renamed ? `; ${renamed}` : ""})`);
  return 0;
}

process.exitCode = await main();
