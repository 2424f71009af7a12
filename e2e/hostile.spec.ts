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

test("pages the JSON API of the 5,000-interaction cassette: a small, fast answer with links", async ({
  request,
}) => {
  const path = "cassettes/scale/many-interactions.yaml";
  const api = `/api${pageUrl(path).slice(server.url.length)}`;
  const paged = z.object({
    ok: z.literal(true),
    interactions: z.array(z.object({ index: z.number() })),
    paging: z.object({
      total: z.number(),
      page: z.number(),
      pages: z.number(),
      interaction: z.number().nullable(),
      prev: z.string().nullable(),
      next: z.string().nullable(),
    }),
  });
  for (const [search, first, count] of [
    ["", 0, 50],
    ["?page=57", 2800, 50],
    ["?interaction=4999", 4999, 1],
  ] as const) {
    const started = Date.now();
    const response = await request.get(`${server.url}${api}${search}`);
    expect(response.status()).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    const body = await response.body();
    expect(body.length).toBeLessThan(1024 * 1024);
    const answer = paged.parse(JSON.parse(body.toString("utf8")));
    expect(answer.interactions.map((item) => item.index)).toEqual(
      Array.from({ length: count }, (_, i) => first + i),
    );
    expect(answer.paging.total).toBe(5000);
    expect(answer.paging.pages).toBe(100);
  }
  const first = paged.parse(await (await request.get(`${server.url}${api}`)).json());
  expect(first.paging.prev).toBeNull();
  expect(first.paging.next).toBe(`${api}?page=2`);
  const next = paged.parse(await (await request.get(`${server.url}${first.paging.next ?? ""}`)).json());
  expect(next.interactions[0]?.index).toBe(50);
});

test("windows the 50,001-chunk stream: a small page that says which chunks it shows", async ({
  page,
  request,
}) => {
  const path = "cassettes/streams/ndjson-million-lines.httprr";
  const html = await request.get(pageUrl(path));
  expect((await html.body()).length).toBeLessThan(1024 * 1024);
  const shown = page.getByRole("group", { name: "Shown chunks" });
  const row = (index: number) => page.locator(`#interaction-0-chunk-${index}`);

  // A deep link to a chunk far past the first window loads that chunk's window and selects it.
  await page.goto(`${pageUrl(path)}#interaction-0-chunk-45000`);
  await expect(page.locator("#interaction-0").getByText("50,001 chunks")).toBeVisible();
  await expect(shown).toContainText("Showing chunks 45,000–45,999 of 50,001 (1,000 at a time).");
  await expect(row(45000)).toHaveAttribute("aria-pressed", "true");
  await expect(row(45000)).toBeInViewport();
  await expect(page.locator("[data-testid='message-text'] mark")).toHaveText("a");
  // The strip outlines the chosen cell (an attribute and a class: no style element, which the CSP refuses).
  const cell = page.locator('[data-chunk-strip] [data-index="45000"]');
  await expect(cell).toHaveAttribute("data-selected", "");
  expect(await cell.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");
  await page.screenshot({ path: test.info().outputPath("stream-window-deep-link.png"), fullPage: false });

  // The window buttons load the next one; the last holds the one chunk left.
  await shown.getByRole("button", { name: "Last »" }).click();
  await expect(shown).toContainText("Showing chunks 50,000–50,000 of 50,001");
  await expect(row(50000)).toBeVisible();
  await expect(row(45000)).toHaveCount(0);

  // Text made by chunks of another window names them, and shows them when asked.
  await page
    .locator("[data-testid='message-text'] [data-src-start]")
    .first()
    .evaluate((element) => {
      const text = element.firstChild;
      if (!text) return;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 10);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
  await expect(shown).toContainText("The selected text came from chunks 0–999, not shown.");
  await shown.getByRole("button", { name: "Show them" }).click();
  await expect(shown).toContainText("Showing chunks 0–999 of 50,001");
  await expect(page.getByRole("status").filter({ hasText: /chunk/i })).toContainText(
    "The selected text came from 10 chunks: 0–9.",
  );
  await expect(row(9)).toHaveAttribute("data-marked", "true");
});

test("shows the gzip bomb as a short hex dump, not its bytes as text", async ({ page, request }) => {
  const path = "cassettes/gzip/file-bomb.yaml.gz";
  const html = await (await request.get(pageUrl(path))).text();
  expect(html.length).toBeLessThan(100 * 1024);
  await page.goto(pageUrl(path));
  await expect(page.getByRole("heading", { name: "Raw bytes" })).toBeVisible();
  await expect(page.getByText(/^The file is gzip data \([\d,]+ bytes\), not text/)).toBeVisible();
  await expect(page.getByLabel("First 256 bytes as hex")).toContainText("00000000  1f 8b 08 00");
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
