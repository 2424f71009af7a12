import { rmSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { deeplyNested, hostileFiles, invalidUtf8, oversized, PWNED } from "./deploy/hostile";
import { chatRecording, makeRoot, removeRoot } from "./deploy/roots";
import { startServer, type RunningServer } from "./deploy/server";
import { hashTree } from "./deploy/tree-hash";
import { saveScreenshot } from "./pages/screenshot";

// Recorded content is untrusted: these tests serve hostile and broken recordings from a root of
// their own and prove in a real browser that nothing in them runs.
test.describe.configure({ mode: "serial" });

let server: RunningServer;
let root: string;
let hashBefore: string;

test.beforeAll(async () => {
  root = makeRoot({
    ...hostileFiles(),
    "plain/recordings/hello.json": chatRecording("Hello, **world**."),
    "broken/recordings/deep.json": deeplyNested(),
    "broken/recordings/latin1.json": invalidUtf8(),
    "broken/recordings/huge.json": oversized(1.2),
    "broken/recordings/vanishes.json": chatRecording("I will be gone"),
    "broken/recordings/truncated.json": chatRecording("I will be cut in half"),
  });
  hashBefore = hashTree(root);
  server = await startServer({ env: { TAPEDECK_ROOT: root, TAPEDECK_MAX_FILE_MB: "1" } });
});

test.afterAll(async () => {
  await server?.stop();
  removeRoot(root);
});

interface Watch {
  dialogs: string[];
  violations: string[];
  errors: string[];
}

/** Records dialogs, CSP violations and uncaught errors of a page from before its first script. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: [], violations: [], errors: [] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  await page.exposeFunction("__reportViolation", (text: string) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation;
      void report(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return seen;
}

const pwned = (page: Page) =>
  page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], PWNED);

test("a reply with <script>, <img onerror> and javascript: links is shown as text, and nothing runs", async ({
  page,
}) => {
  const seen = await watch(page);
  await page.goto(`${server.url}/recordings/hostile/recordings/reply.json`);
  const main = page.locator("main");
  await expect(main.getByText(`<script>window.${PWNED} = "script"`).first()).toBeVisible();
  await expect(main.getByText(`<img src=x onerror="window.${PWNED} = 'img'`).first()).toBeVisible();
  await expect(main.getByText("harmless-looking link").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await saveScreenshot(page, "content-safety-hostile-reply");

  expect(await pwned(page)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.violations).toEqual([]);
  expect(seen.errors).toEqual([]);
  // No element the payload asked for exists: only text.
  expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
  expect(await main.locator("img[onerror], svg[onload], iframe, object, embed").count()).toBe(0);
  expect(await main.locator("script").count()).toBe(0);
});

test("hostile test ids, models and file names are text in the list and the search", async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${server.url}/recordings?suite=hostile`);
  await expect(
    page.locator("a[data-row]", { hasText: `onerror="window.${PWNED}='model'` }).first(),
  ).toBeVisible();
  await saveScreenshot(page, "content-safety-hostile-list");
  await page.goto(`${server.url}/recordings?q=${encodeURIComponent("script")}`);
  await page.goto(`${server.url}/`);
  await page.goto(
    `${server.url}/recordings/hostile/recordings/${encodeURIComponent('"><img src=x onerror=alert(1)>.json')}`,
  );
  await expect(page.locator("main").getByText("A file whose name is markup.").first()).toBeVisible();
  await saveScreenshot(page, "content-safety-hostile-file-name");
  expect(await pwned(page)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test("markup injected past React would still not run: the policy blocks inline event handlers", async ({
  page,
}) => {
  const seen = await watch(page);
  await page.goto(`${server.url}/recordings/plain/recordings/hello.json`);
  await page.evaluate((name) => {
    document.body.insertAdjacentHTML("beforeend", `<img src="x" onerror="window.${name}='handler'">`);
  }, PWNED);
  await expect.poll(() => seen.violations.length).toBeGreaterThanOrEqual(1);
  expect(await pwned(page)).toBeUndefined();
  expect(seen.violations.join("\n")).toMatch(/script-src/);
});

test("the app's own pages run under the policy without a single violation", async ({ page }) => {
  const seen = await watch(page);
  for (const path of ["/", "/recordings", "/recordings/plain/recordings/hello.json", "/tests"]) {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState("networkidle");
  }
  // Hydrated: a client-side navigation works.
  await page.goto(`${server.url}/recordings`);
  await page.locator("a[data-row]").first().click();
  await expect(page).toHaveURL(/\/recordings\/.+\.json$/);
  expect(seen.violations).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("broken files get a clear message, never a crash, and the rest keeps working", async ({ page }) => {
  rmSync(join(root, "broken/recordings/vanishes.json"));
  truncateSync(join(root, "broken/recordings/truncated.json"), 100);
  const cases: [string, RegExp][] = [
    ["deep.json", /more than 256 levels deep/],
    ["latin1.json", /not valid UTF-8/],
    ["huge.json", /over the 1\.0 MB limit; it is listed but not parsed/],
    ["vanishes.json", /no longer exists|No such recording/],
    ["truncated.json", /invalid JSON at line \d+, column \d+/],
  ];
  for (const [name, message] of cases) {
    const response = await page.goto(`${server.url}/recordings/broken/recordings/${name}`);
    expect(response?.status(), name).toBeLessThan(500);
    await expect(page.locator("main").getByText(message).first(), name).toBeVisible();
    await saveScreenshot(page, `content-safety-broken-${name.replace(".json", "")}`);
  }
  await page.goto(`${server.url}/recordings?broken=true`);
  await expect(page.locator("main").getByText("huge.json").first()).toBeVisible();
  await saveScreenshot(page, "content-safety-broken-list");
  await page.goto(`${server.url}/recordings/plain/recordings/hello.json`);
  await expect(page.locator("main").getByText("world").first()).toBeVisible();
});

test("nothing was written inside the root", () => {
  // The two files this suite broke on purpose aside, the tree is as it was.
  const expected = makeRoot({
    ...hostileFiles(),
    "plain/recordings/hello.json": chatRecording("Hello, **world**."),
    "broken/recordings/deep.json": deeplyNested(),
    "broken/recordings/latin1.json": invalidUtf8(),
    "broken/recordings/huge.json": oversized(1.2),
    "broken/recordings/truncated.json": chatRecording("I will be cut in half").slice(0, 100),
  });
  try {
    expect(hashTree(root)).toBe(hashTree(expected));
    expect(hashBefore).not.toBe(hashTree(root));
  } finally {
    removeRoot(expected);
  }
});
