import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test } from "@playwright/test";
import { z } from "zod";
import { hostileFiles } from "../scripts/hostile/hostile-files";
import { startServer, type RunningServer } from "./deploy/server";

/**
 * The production server on a folder of every hostile cassette (the large-but-honest ones at a
 * smaller scale: 5,000 interactions, a 3 MB SSE line): each file's page answers within a few
 * seconds, with its broken-file view and reason, or its view with the broken interaction marked;
 * and the server keeps serving the others.
 */

test.describe.configure({ mode: "serial" });

const files = hostileFiles("small");
let root = "";
let server: RunningServer;

const health = z.object({ ok: z.literal(true), recordings: z.number(), broken: z.number() });

function pageUrl(path: string, page?: number): string {
  const href = `/recordings/${path.split("/").map(encodeURIComponent).join("/")}`;
  return `${server.url}${href}${page ? `?page=${page}` : ""}`;
}

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "tapedeck-e2e-hostile-"));
  for (const file of files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes());
  }
  server = await startServer({ env: { TAPEDECK_ROOT: root }, timeoutMs: 90_000 });
});

test.afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

test("indexes the folder: every file listed, the whole-file bombs as broken", async ({ request }) => {
  const answer = health.parse(await (await request.get(`${server.url}/api/health`)).json());
  expect(answer.recordings).toBe(files.length);
  expect(answer.broken).toBe(files.filter((file) => file.outcome.ends === "failed").length);
});

for (const file of files) {
  test(`${file.path}: its page answers in a few seconds and says how it ended`, async ({ page }) => {
    const started = Date.now();
    const response = await page.goto(pageUrl(file.path));
    expect(response?.status()).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    const { outcome } = file;
    if (outcome.ends === "failed") {
      await expect(page.locator("[aria-labelledby='broken-heading']")).toContainText(outcome.reason);
      return;
    }
    const interactions = page.locator("section[id^='interaction-']");
    await expect(interactions.first()).toBeVisible();
    await expect(page.getByText("Interactions", { exact: true }).first()).toBeVisible();
    if (outcome.ends === "problem") {
      const marked = page.locator(`#interaction-${outcome.interaction}`).getByRole("alert");
      await expect(marked).toContainText("This interaction could not be read fully:");
      await expect(marked).toContainText(outcome.reason);
    } else {
      // (Next's route announcer is an alert too: only the interactions' own are counted.)
      await expect(interactions.getByRole("alert")).toHaveCount(0);
    }
  });
}

test("pages the 5,000-interaction cassette: 50 interactions a page, a small page, any page", async ({
  page,
  request,
}) => {
  const path = "cassettes/scale/many-interactions.yaml";
  for (const at of [1, 57, 100]) {
    const started = Date.now();
    const html = await request.get(pageUrl(path, at));
    expect(html.status()).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await html.body()).length).toBeLessThan(1024 * 1024);
  }
  await page.goto(pageUrl(path, 100));
  await expect(page.locator("section[id^='interaction-']")).toHaveCount(50);
  await expect(page.locator("#interaction-4999")).toBeVisible();
});

test("shows a 1 MB URL cut, not whole", async ({ request }) => {
  const html = await (await request.get(pageUrl("cassettes/scale/long-url.yaml"))).text();
  expect(html.length).toBeLessThan(512 * 1024);
  expect(html).toContain("more characters)");
});

test("keeps serving after every hostile page", async ({ request }) => {
  expect(health.parse(await (await request.get(`${server.url}/api/health`)).json()).ok).toBe(true);
  expect((await request.get(`${server.url}/recordings?broken=true`)).status()).toBe(200);
  expect((await request.get(`${server.url}/`)).status()).toBe(200);
});
