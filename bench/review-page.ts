import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Page } from "@playwright/test";
import { ensureStandaloneBuild, STANDALONE_SERVER } from "@/cli/serve-command";
import { startLoadServer } from "@/scripts/load/server";
import { printFigure } from "./harness";
import { middle } from "./cpu-time";
import { CHROMIUM_LAUNCH } from "@/e2e/chromium-launch";

const TAG = "up-79bed44b0";
/** A page has settled when its main thread has had no long task for this long. */
const QUIET_MS = 500;
const MAX_HTML = 1024 * 1024;

interface Visit {
  /** Navigation start to the `load` event. */
  load: number;
  /** Navigation start to every change's card in the page (some may be rendered in the browser). */
  cards: number;
  /** Navigation start to the end of the last long task (or the load event, when later). */
  settled: number;
  longest: number;
}

/** Opens the page in a fresh context and waits until its main thread has been quiet for `QUIET_MS`. */
async function visit(page: Page, url: string, count: number): Promise<Visit> {
  await page.addInitScript(() => {
    const ends: number[] = [];
    const durations: number[] = [];
    Object.assign(window, { __longTasks: { ends, durations } });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        ends.push(entry.startTime + entry.duration);
        durations.push(entry.duration);
      }
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  const cards = await page.evaluate<number>(`new Promise((done) => {
    const check = () =>
      document.querySelectorAll("ol[aria-label=Changes] > li").length >= ${count}
        ? done(performance.now())
        : setTimeout(check, 5);
    check();
  })`);
  // A string, not a function: the transpiler would wrap named inner functions in a helper the
  // page does not have.
  const tasks = () =>
    page.evaluate<{ load: number; ends: number[]; durations: number[] }>(`(() => {
      const tasks = window.__longTasks;
      const navigation = performance.getEntriesByType("navigation")[0];
      return { load: navigation ? navigation.loadEventEnd : 0, ends: [...tasks.ends], durations: [...tasks.durations] };
    })()`);
  // Quiet: no new long task for QUIET_MS (a long task is only reported once it ends).
  let seen = await tasks();
  for (;;) {
    await page.waitForTimeout(QUIET_MS);
    const now = await tasks();
    if (now.ends.length === seen.ends.length && now.load > 0) break;
    seen = now;
  }
  return {
    load: seen.load,
    cards,
    settled: Math.max(seen.load, ...seen.ends),
    longest: Math.max(0, ...seen.durations),
  };
}

/**
 * Issue "Install anywhere", rough edges: `/review` of a commit that changes 397 recordings, on the
 * production server: its HTML, and in Chromium the time until the page has settled (loaded, and
 * its main thread quiet) and the time to open one change's details.
 */
export async function benchReviewPage(bundle: string): Promise<boolean[]> {
  console.log(`\n/review of ${TAG} (production server, Chromium)`);
  if ((await ensureStandaloneBuild("", process.env)) !== 0) throw new Error("the build failed");
  const dir = await mkdtemp(join(tmpdir(), "tapedeck-bench-review-"));
  const repo = join(dir, "history");
  execFileSync("git", ["clone", "-q", bundle, repo]);
  const server = await startLoadServer(STANDALONE_SERVER, repo, join(dir, "cache"));
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const url = `${server.url}/review?base=${encodeURIComponent(`${TAG}~1`)}&head=${TAG}`;
    const served: number[] = [];
    let bytes = 0;
    let changes = 0;
    // The first builds the review (cached after); the others render the page.
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      const html = await (await fetch(url)).text();
      served.push(performance.now() - start);
      bytes = Buffer.byteLength(html);
      const text = html.replace(/<!-- -->/g, "");
      changes = Number(/([\d,]+) recordings? changed/.exec(text)?.[1]?.replace(/,/g, "") ?? 0);
    }
    const visits: Visit[] = [];
    const opened: number[] = [];
    for (let i = 0; i < 4; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      visits.push(await visit(page, url, changes));
      // One change's details, opened as a reviewer would (they may be fetched on demand), timed
      // in the page: from the click to the details shown.
      opened.push(
        await page.evaluate<number>(`new Promise((done) => {
          const details = [...document.querySelectorAll("article details")][5];
          const start = performance.now();
          details.querySelector("summary").click();
          const check = () =>
            details.querySelector("table, [role=group]")
              ? requestAnimationFrame(() => done(performance.now() - start))
              : setTimeout(check, 2);
          check();
        })`),
      );
      await context.close();
    }
    const later = visits.slice(1);
    printFigure({
      name: `server: first response (builds the review of ${changes} changes)`,
      ms: served[0] ?? 0,
    });
    printFigure({
      name: `server: response, median of 5 (${(bytes / 1024).toFixed(0)} KB of HTML)`,
      ms: middle(served.slice(1)),
    });
    printFigure({
      name: "browser: navigation to load event, median of 3",
      ms: middle(later.map((v) => v.load)),
    });
    const settled = middle(later.map((v) => v.settled));
    printFigure({ name: "browser: navigation to settled (last long task), median of 3", ms: settled });
    printFigure({
      name: "browser: longest main-thread task, median of 3",
      ms: middle(later.map((v) => v.longest)),
    });
    printFigure({ name: "browser: open one change's details, median of 3", ms: middle(opened.slice(1)) });
    const small = bytes < MAX_HTML;
    const quick = settled < 1000;
    console.log(`  ${small ? "PASS" : "FAIL"} under 1 MB of HTML (${(bytes / 1024).toFixed(0)} KB)`);
    console.log(`  ${quick ? "PASS" : "FAIL"} settled in under a second (${settled.toFixed(0)} ms)`);
    return [small, quick];
  } finally {
    await browser.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
