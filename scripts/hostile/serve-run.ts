// Serves the folder of every hostile file with the production server and times each file's page:
// `npx tsx --tsconfig tsconfig.json scripts/hostile/serve-run.ts DIR [STANDALONE_DIR]` (after
// `scripts/hostile/make.ts DIR` and `npm run build`; STANDALONE_DIR defaults to .next/standalone).
// Prints the time to index, then each page's status, first and warm times and size, and whether
// the server still answers its health check after each; then the largest page. Exit 1 when a page
// takes more than a few seconds, weighs a megabyte or more, or fails.
import { resolve } from "node:path";
import { startServer } from "../../e2e/deploy/server";
import { hostileFiles } from "./hostile-files";

const [dirArg, standaloneArg] = process.argv.slice(2);
if (!dirArg) {
  console.error("usage: scripts/hostile/serve-run.ts DIR [STANDALONE_DIR]");
  process.exit(2);
}
const PAGE_SECONDS = 5;
const PAGE_BYTES = 1024 * 1024;
const started = performance.now();
const server = await startServer({
  env: { TAPEDECK_ROOT: resolve(dirArg) },
  ...(standaloneArg ? { cwd: resolve(standaloneArg) } : {}),
  timeoutMs: 300_000,
});
console.log(`indexed and answering after ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function timed(path: string): Promise<{ status: number; seconds: number; bytes: number }> {
  const at = performance.now();
  const response = await fetch(`${server.url}${path}`);
  const body = await response.arrayBuffer();
  return { status: response.status, seconds: (performance.now() - at) / 1000, bytes: body.byteLength };
}

const href = (path: string) => `/recordings/${path.split("/").map(encodeURIComponent).join("/")}`;
const targets = hostileFiles("full").flatMap((file) =>
  file.path.endsWith("many-interactions.yaml")
    ? [
        href(file.path),
        `${href(file.path)}?page=2`,
        `${href(file.path)}?page=1000`,
        `${href(file.path)}?page=2000`,
        `/api${href(file.path)}`,
        `/api${href(file.path)}?page=2000`,
        `/api${href(file.path)}?interaction=99999`,
      ]
    : [href(file.path)],
);
let bad = 0;
let largest = { bytes: 0, target: "" };
try {
  // The first page the server renders loads its code: that is not the first hostile file's cost.
  const warmUp = await timed("/recordings");
  console.log(`the list page (warming the server up): ${warmUp.status} in ${warmUp.seconds.toFixed(2)} s`);
  console.log("       status   first    warm     size");
  for (const target of targets) {
    const first = await timed(target);
    const warm = await timed(target);
    const health = await timed("/api/health");
    const slow = first.seconds > PAGE_SECONDS || warm.seconds > PAGE_SECONDS;
    const heavy = first.bytes >= PAGE_BYTES;
    const failed = first.status !== 200 || warm.status !== 200 || health.status !== 200;
    if (slow || heavy || failed) bad++;
    if (first.bytes > largest.bytes) largest = { bytes: first.bytes, target };
    console.log(
      `${slow || heavy || failed ? "BAD " : "ok  "} ${first.status} ${first.seconds.toFixed(2).padStart(6)} s ` +
        `${warm.seconds.toFixed(2).padStart(6)} s ${(first.bytes / 1024).toFixed(0).padStart(6)} KB  ` +
        `${decodeURIComponent(target)}  (health ${health.status})`,
    );
  }
} finally {
  await server.stop();
}
console.log(`largest answer: ${(largest.bytes / 1024).toFixed(0)} KB, ${decodeURIComponent(largest.target)}`);
process.exit(bad > 0 ? 1 : 0);
