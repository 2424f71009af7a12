// `npm run load`: a bounded load test of the production server on loopback, then the same under
// file faults in a copy of the corpus. With `--against <baseline server.js>`, the list page of this
// build against a baseline's instead (compare.ts). See the README, "Load test".
import { cp, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ensureStandaloneBuild, STANDALONE_SERVER } from "@/cli/serve-command";
import { discoverRecordings } from "@/lib/sources/discover";
import { CONNECTIONS, DURATION_S, loadRoute, type RouteResult } from "./bench";
import { compareList } from "./compare";
import { startFaults } from "./faults";
import { printTable } from "./report";
import { startLoadServer, type LoadServer } from "./server";

const APP_DIR = fileURLToPath(new URL("../..", import.meta.url));
const SHARED = resolve(APP_DIR, process.env.TAPEDECK_SHARED ?? "../shared");
const CORPUS = join(SHARED, "corpus", "llama-stack-head");
const SEARCH = "weather";
const SETTLE_MS = 60_000;

const page = z.object({
  total: z.number(),
  pages: z.number(),
  items: z.array(z.object({ relPath: z.string(), broken: z.object({ kind: z.string() }).nullable() })),
});
const health = z.object({ ok: z.literal(true), recordings: z.number(), broken: z.number() });

async function getJson(server: LoadServer, path: string): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

/** Every broken recording the server reports (`/api/recordings?broken=true`), all pages. */
async function reportedBroken(server: LoadServer): Promise<Set<string>> {
  const found = new Set<string>();
  for (let number = 1, pages = 1; number <= pages; number++) {
    const result = page.parse(
      await getJson(server, `/api/recordings?broken=true&sort=path&pageSize=1000&page=${number}`),
    );
    pages = result.pages;
    for (const item of result.items) found.add(item.relPath);
  }
  return found;
}

function recordingPath(relPath: string): string {
  return `/recordings/${relPath.split("/").map(encodeURIComponent).join("/")}`;
}

async function routes(server: LoadServer): Promise<{ route: string; path: string; relPath: string }[]> {
  const chat = page.parse(
    await getJson(server, "/api/recordings?family=openai-chat&streaming=true&pageSize=1"),
  );
  const relPath = chat.items[0]?.relPath;
  if (!relPath) throw new Error("the corpus has no streamed chat recording to load");
  const search = page.parse(await getJson(server, `/api/recordings?q=${SEARCH}&pageSize=1`));
  if (search.total === 0) throw new Error(`the search for "${SEARCH}" finds nothing`);
  return [
    { route: "list page", path: "/recordings", relPath },
    { route: "recording page", path: recordingPath(relPath), relPath },
    { route: "search API", path: `/api/recordings?q=${SEARCH}`, relPath },
    { route: "health", path: "/api/health", relPath },
  ];
}

async function loadAll(server: LoadServer, phase: string, targets: Awaited<ReturnType<typeof routes>>) {
  const results: RouteResult[] = [];
  for (const target of targets) {
    console.log(
      `load: ${phase}: ${target.route} (${target.path}) for ${DURATION_S}s with ${CONNECTIONS} connections…`,
    );
    const result = await loadRoute(server, phase, target.route, target.path);
    console.log(
      `load:   ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms} ms, ${result.errors} errors, ` +
        `${result.non2xx} non-2xx, ${result.serverErrors} 5xx, peak RSS ${(result.peakRss / 1024 / 1024).toFixed(0)} MB`,
    );
    results.push(result);
  }
  return results;
}

function difference(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((item) => !b.has(item));
}

async function main(): Promise<number> {
  if (!(await stat(CORPUS).catch(() => null))?.isDirectory()) {
    console.error(`load: no corpus at ${CORPUS} (set TAPEDECK_SHARED to the shared folder)`);
    return 2;
  }
  const env = { ...process.env };
  delete env.TAPEDECK_BASE_PATH;
  const built = await ensureStandaloneBuild("", env);
  if (built !== 0) return built;

  const scratch = await mkdtemp(join(tmpdir(), "tapedeck-load-"));
  // A copy of the build, so that a rebuild in the checkout during the run cannot pull it away.
  const app = join(scratch, "app");
  await cp(dirname(STANDALONE_SERVER), app, { recursive: true });
  const serverJs = join(app, "server.js");
  if (!(await stat(join(app, ".next", "STATIC_PREPARED")).catch(() => null))) {
    console.error("load: the standalone build changed while it was copied (a build running?); run again");
    await rm(scratch, { recursive: true, force: true });
    return 1;
  }
  const against = process.argv.indexOf("--against");
  if (against !== -1) {
    const baseline = resolve(process.argv[against + 1] ?? "");
    try {
      const samples = await compareList(serverJs, baseline, CORPUS, scratch);
      return samples.some((sample) => sample.errors + sample.non2xx > 0) ? 1 : 0;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  const problems: string[] = [];
  const results: RouteResult[] = [];
  let faultSummary = "";
  try {
    // 1. The corpus as it is (read-only: the server never writes inside the root).
    let server = await startLoadServer(serverJs, CORPUS, join(scratch, "cache-steady"));
    const targets = await routes(server);
    const steady = health.parse(await getJson(server, "/api/health"));
    console.log(`load: serving ${steady.recordings} recordings (${steady.broken} broken) from ${CORPUS}`);
    results.push(...(await loadAll(server, "steady", targets)));
    const steadyPeak = (await server.memory()).peak;
    await server.stop();

    // 2. The same, while a script adds, rewrites, truncates, corrupts and deletes files in a copy.
    const copy = join(scratch, "corpus");
    await cp(CORPUS, copy, { recursive: true });
    server = await startLoadServer(serverJs, copy, join(scratch, "cache-faults"));
    const initiallyBroken = await reportedBroken(server);
    const protect = new Set([targets[0]?.relPath ?? "", ...initiallyBroken]);
    const faults = await startFaults(copy, { protect, intervalMs: 50, maxMs: 4 * (DURATION_S + 15) * 1000 });
    try {
      results.push(...(await loadAll(server, "faults", targets)));
    } finally {
      await faults.stop();
    }
    const ops = Object.entries(faults.counts)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ");

    // 3. The index settles to the final state of the folder.
    const onDisk = await discoverRecordings(copy);
    const live = new Set(onDisk.map((file) => file.relPath));
    const expectedBroken = new Set(
      [...live].filter((path) =>
        faults.touched.has(path) ? faults.touched.get(path) === "broken" : initiallyBroken.has(path),
      ),
    );
    const started = Date.now();
    let settled = false;
    let last = { count: -1, brokenMissing: [] as string[], brokenExtra: [] as string[] };
    while (Date.now() - started < SETTLE_MS) {
      const now = health.parse(await getJson(server, "/api/health"));
      const broken = await reportedBroken(server);
      last = {
        count: now.recordings,
        brokenMissing: difference(expectedBroken, broken),
        brokenExtra: difference(broken, expectedBroken),
      };
      if (now.recordings === live.size && last.brokenMissing.length === 0 && last.brokenExtra.length === 0) {
        settled = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const settleSeconds = ((Date.now() - started) / 1000).toFixed(1);
    const answers = await fetch(`${server.url}/recordings`).then((response) => response.status);
    if (answers !== 200) problems.push(`after the faults the list page answered ${answers}`);
    if (!settled) {
      problems.push(
        `the index did not settle within ${SETTLE_MS / 1000}s: ${last.count} recordings indexed, ${live.size} on disk; ` +
          `broken not reported: ${last.brokenMissing.slice(0, 5).join(", ") || "none"}; ` +
          `reported but not broken: ${last.brokenExtra.slice(0, 5).join(", ") || "none"}`,
      );
    }
    const faultsPeak = (await server.memory()).peak;
    await server.stop();
    faultSummary = [
      `fault script: ${ops} (files touched: ${faults.touched.size})`,
      `after the faults: the server answers (list page ${answers}); ${live.size} recordings on disk, ` +
        `${last.count} indexed; ${expectedBroken.size} broken on disk, ${expectedBroken.size - last.brokenMissing.length} reported ` +
        `broken by /api/recordings?broken=true${last.brokenExtra.length ? `, ${last.brokenExtra.length} wrongly` : ""}; ` +
        `${settled ? `settled ${settleSeconds}s after the faults stopped` : "NOT settled"}`,
      `server peak RSS (VmHWM): steady ${(steadyPeak / 1024 / 1024).toFixed(0)} MB, faults ${(faultsPeak / 1024 / 1024).toFixed(0)} MB`,
    ].join("\n");
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  for (const result of results) {
    if (result.errors > 0) problems.push(`${result.phase} ${result.route}: ${result.errors} errors`);
    if (result.serverErrors > 0) problems.push(`${result.phase} ${result.route}: ${result.serverErrors} 5xx`);
    if (result.non2xx > 0) problems.push(`${result.phase} ${result.route}: ${result.non2xx} non-2xx`);
  }
  printTable(results);
  console.log(`\n${faultSummary}`);
  if (problems.length > 0) {
    console.error(`\nload: FAILED\n- ${problems.join("\n- ")}`);
    return 1;
  }
  console.log("\nload: passed: no errors, no 5xx");
  return 0;
}

process.exitCode = await main();
