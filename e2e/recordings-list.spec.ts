import { expect, test } from "@playwright/test";
import { RecordingsListPage } from "./pages/recordings-list-page";
import { saveScreenshot } from "./pages/screenshot";

test("filters live in the URL and a link reproduces the view", async ({ page, request }) => {
  const list = new RecordingsListPage(page);
  await list.goto();
  await saveScreenshot(page, "recordings-list");
  const total = await list.shownCount();

  await list.choose("Family", "openai-chat");
  await expect(page).toHaveURL(/family=openai-chat/);
  const chat = await list.shownCount();
  expect(chat).toBeLessThan(total);
  for (const row of await list.rows.all()) await expect(row).toContainText("openai-chat");

  await list.choose("Streamed", "true");
  await expect(page).toHaveURL(/family=openai-chat&streaming=true|streaming=true&family=openai-chat/);
  const api = await (await request.get("/api/recordings?family=openai-chat&streaming=true")).json();
  expect(await list.shownCount()).toBe(api.total);
  for (const row of await list.rows.all()) await expect(row).toContainText("stream ·");

  // The same URL, opened fresh, shows the same view.
  const url = page.url();
  await page.goto(url);
  expect(await list.shownCount()).toBe(api.total);
  await expect(list.filter("Family")).toHaveValue("openai-chat");
  await expect(list.filter("Streamed")).toHaveValue("true");
});

test("text search finds prompts and replies", async ({ page }) => {
  const list = new RecordingsListPage(page);
  await list.goto();
  await list.searchFor("Saturn moons");
  await expect(list.rows).toHaveCount(2);
  await expect(list.rows.filter({ hasText: "gpt-4o" })).toHaveCount(1);
  await expect(list.rows.filter({ hasText: "llama3.2:3b-instruct-fp16" })).toHaveCount(1);
  await saveScreenshot(page, "recordings-search");

  await list.searchFor("zzqxnotfound");
  await expect(page.getByText("No recording matches.")).toBeVisible();
});

test("the list is grouped by test file and test", async ({ page }) => {
  const list = new RecordingsListPage(page);
  await list.goto("?q=user_file_access_check");
  await expect(list.rows).toHaveCount(3);
  await expect(page.getByRole("heading", { level: 2, name: /test_.*\.py$/ })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(1);
});

test("keyboard: / focuses the search, j and k move, Enter opens", async ({ page }) => {
  const list = new RecordingsListPage(page);
  await list.goto("?suite=inference");
  // A key pressed before the page has hydrated has no listener yet: pressed again until it works.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(list.search).toBeFocused({ timeout: 500 });
  }).toPass();
  await list.search.blur();

  await page.keyboard.press("j");
  await expect(list.rows.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(list.rows.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(list.rows.nth(0)).toBeFocused();
  const href = await list.rows.nth(0).getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href?.replace(/[.?]/g, "\\$&")}$`));
});

test("a test page lists the test's parametrizations", async ({ page }) => {
  const list = new RecordingsListPage(page);
  await list.goto("?q=Saturn");
  await list.page.getByRole("link", { name: "test_openai_chat_completion_non_streaming" }).first().click();
  await expect(page).toHaveURL(/\/tests\?id=/);
  await expect(
    page.getByRole("heading", { level: 1, name: "test_openai_chat_completion_non_streaming" }),
  ).toBeVisible();
  await expect(page.getByRole("region")).toHaveCount(2);
  await expect(page.getByRole("region", { name: /txt=openai\/gpt-4o/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /txt=ollama\/llama3\.2/ })).toBeVisible();
  await saveScreenshot(page, "test-page");
});

test("the recorder, host and status filters count interactions and narrow the list to cassettes", async ({
  page,
  request,
}) => {
  const list = new RecordingsListPage(page);
  await list.goto();
  await list.choose("Recorder", "vcrpy");
  await expect(page).toHaveURL(/format=vcrpy/);
  const api = await (await request.get("/api/recordings?format=vcrpy")).json();
  expect(await list.shownCount()).toBe(api.total);
  for (const row of await list.rows.all()) await expect(row).toContainText(/vcrpy · \d+ interactions?/);

  await list.goto();
  const status = list.filter("Status");
  const labels = await status.locator("option").allTextContents();
  expect(labels).toContain(labels.find((label) => /^404 \(\d+\)$/.test(label)));
  await list.choose("Status", "404");
  for (const row of await list.rows.all()) await expect(row).toContainText("error");
});
