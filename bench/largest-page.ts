import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { ensureStandaloneBuild, STANDALONE_SERVER } from "@/cli/serve-command";
import { recordingHref } from "@/lib/urls";
import { startLoadServer } from "@/scripts/load/server";
import { printFigure } from "./harness";
import { middle } from "./cpu-time";
import { CHROMIUM_LAUNCH } from "@/e2e/chromium-launch";

const LARGEST =
  "tests/integration/responses/recordings/0ea735928993b5a2de3a444256136d53ab666dbfb7582e5562268f809aa8d5f3.json";

/**
 * Issue "Browse": the page of the largest recording (1.1 MB, 1,399 chunks) on the production
 * server: served in under a second, and in the browser the time until the message shows and the
 * longest main-thread task.
 */
export async function benchLargestPage(corpus: string): Promise<boolean[]> {
  console.log("\nThe page of the largest recording (production server, Chromium)");
  if ((await ensureStandaloneBuild("", process.env)) !== 0) throw new Error("the build failed");
  const cacheDir = await mkdtemp(join(tmpdir(), "tapedeck-bench-page-"));
  const server = await startLoadServer(STANDALONE_SERVER, corpus, cacheDir);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const url = `${server.url}${recordingHref(LARGEST)}`;
    const served: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      const response = await fetch(url);
      bytes = (await response.arrayBuffer()).byteLength;
      served.push(performance.now() - start);
    }
    const shown: number[] = [];
    const longest: number[] = [];
    for (let i = 0; i < 4; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        const tasks: number[] = [];
        Object.assign(window, { __longTasks: tasks });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        }).observe({ type: "longtask", buffered: true });
      });
      const start = performance.now();
      await page.goto(url, { waitUntil: "commit" });
      await page.getByTestId("message-text").first().waitFor({ state: "visible" });
      shown.push(performance.now() - start);
      await page.waitForLoadState("load");
      await page.waitForTimeout(1000);
      const tasks = await page.evaluate(() => {
        const value: unknown = Reflect.get(window, "__longTasks");
        return Array.isArray(value) ? value.filter((v): v is number => typeof v === "number") : [];
      });
      longest.push(Math.max(0, ...tasks));
      await context.close();
    }
    // The first of each is cold (JIT, shiki's first highlight); report the later ones.
    printFigure({
      name: `server: first response (${(bytes / 1024).toFixed(0)} KB of HTML)`,
      ms: served[0] ?? 0,
    });
    printFigure({ name: "server: response, median of the next 5", ms: middle(served.slice(1)) });
    printFigure({ name: "browser: navigation to message visible, median of 3", ms: middle(shown.slice(1)) });
    printFigure({ name: "browser: longest main-thread task, median of 3", ms: middle(longest.slice(1)) });
    const memory = await server.memory();
    console.log(
      `  server memory after indexing the corpus and serving: RSS ${(memory.rss / 1024 / 1024).toFixed(0)} MB`,
    );
    const fast = middle(served.slice(1)) < 1000;
    const responsive = middle(longest.slice(1)) < 200;
    console.log(`  ${fast ? "PASS" : "FAIL"} served in under a second`);
    console.log(`  ${responsive ? "PASS" : "FAIL"} no main-thread task of 200 ms or more`);
    return [fast, responsive];
  } finally {
    await browser.close();
    await server.stop();
    await rm(cacheDir, { recursive: true, force: true });
  }
}
