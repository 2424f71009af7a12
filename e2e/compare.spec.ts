import { expect, test, type Page } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";
import { saveScreenshot } from "./pages/screenshot";

// These tests run against the second web server: a git repository built by
// e2e/fixtures/make-git-root.mjs (four versions of the weather recording, two parametrizations
// of test_greeting, a recording that turned into an error, and a broken file).
// Its port is the main server's plus one (playwright.config.ts): 3218 by default.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3217) + 1}` });

const DIR = "tests/integration/inference/recordings";
const WEATHER_OLD = `${DIR}/15619540c532331eb357ad87a865deefb37f30932a6cf0bf33f17c823387af10.json`;
const WEATHER_NEW = `${DIR}/f0067541e33c95afb30c427c4e08e52edb51c9747ee0e114c0f53e1a353c57f2.json`;
const GREET_OPENAI_1 = `${DIR}/39bfc840af56f27405688d49b3a46a7d52b1c019eb48f9f51f9874ab1c548dbe.json`;
const GREET_OLLAMA_1 = `${DIR}/1351f75806c589fcfc6f517493d145f9693b645aba80473feabb1282e8d02545.json`;
const FLAKY = `${DIR}/892db876d319291670222881b6d3aa42b906702fc05bdaf6ac6cd29639be3eaf.json`;
const BROKEN = `${DIR}/77c00e0ea8bb43681b1f0782e34a318e2e5c30761d4ccdfe30ea6567f74a76db.json`;
const GREET_TEST = "tests/integration/inference/test_chat.py::test_greeting";

/** Screenshots of the page as it is, light and dark, wide and narrow. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1400, 700]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await saveScreenshot(page, `compare-${name}-${width}-${colorScheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1400, height: 900 });
}

test.describe("the compare page", () => {
  test("a noise-only re-record: verdict noise, noise hidden until asked for", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto(`HEAD~3:${WEATHER_OLD}`, `HEAD~2:${WEATHER_OLD}`);
    await compare.expectVerdict("noise");
    await expect(compare.verdict.getByText(/^noise only: \d+ volatile fields$/)).toBeVisible();
    await expect(compare.request.getByText("The requests are the same.")).toBeVisible();
    await expect(compare.reply.getByText("Text · same")).toBeVisible();
    await expect(compare.timelines.getByText("the streams are the same chunk for chunk")).toBeVisible();
    await expect(compare.rawDiff.getByText("No line differs once the noise is hidden.")).toBeVisible();
    await screenshots(page, "noise");

    await compare.noiseToggle().click();
    await expect(page).toHaveURL(/noise=1/);
    await expect(compare.noiseToggle()).toHaveText(/^Hide noise/);
    await expect(compare.request.getByRole("listitem").filter({ hasText: "request.url" })).toContainText(
      "noise",
    );
    await expect(compare.rawChanges.getByText("response.body[0].__data__.system_fingerprint")).toBeVisible();
    await expect(compare.rawDiff.getByRole("deletion").first()).toBeVisible();
  });

  test("a new reply: verdict response, a word diff and the divergence marked", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto(`HEAD~2:${WEATHER_OLD}`, `HEAD~1:${WEATHER_OLD}`);
    await compare.expectVerdict("response");
    const words = compare.reply.getByRole("group", { name: "Word diff of the text" });
    await expect(words.getByRole("deletion").filter({ hasText: "sunny" })).toBeVisible();
    await expect(words.getByRole("insertion").filter({ hasText: "rainy" })).toBeVisible();
    const rows = compare.timelineRows();
    await expect(rows).toHaveCount(6);
    await expect(rows.nth(1)).not.toHaveAttribute("data-diverged");
    await expect(rows.nth(2)).toContainText("first divergence");
    await expect(rows.nth(2)).toHaveAttribute("data-diverged", "true");
    await expect(rows.nth(5)).toHaveAttribute("data-diverged", "true");
    await expect(compare.metadata.getByRole("row", { name: /Revision/ })).toContainText("differs");
    await expect(compare.rawDiff.getByRole("insertion").filter({ hasText: "rainy in Paris" })).toBeVisible();
    await screenshots(page, "response");
  });

  test("the form edits the sources, and a side can be swapped", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto(`HEAD~2:${WEATHER_OLD}`, `HEAD~1:${WEATHER_OLD}`);
    await compare.inputB.fill(`HEAD~2:${WEATHER_OLD}`);
    await compare.form.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL((url) => url.searchParams.get("b") === `HEAD~2:${WEATHER_OLD}`);
    await compare.expectVerdict("identical");
    await compare.goto(`HEAD~2:${WEATHER_OLD}`, `HEAD~1:${WEATHER_OLD}`);
    await compare.form.getByRole("link", { name: "Swap a and b" }).click();
    await expect(compare.inputA).toHaveValue(`HEAD~1:${WEATHER_OLD}`);
    await compare.expectVerdict("response");
  });

  test("success that turned into an error: verdict error, the error shown", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto(`HEAD~2:${FLAKY}`, `HEAD~1:${FLAKY}`);
    await compare.expectVerdict("error");
    await expect(compare.verdict.getByText("success turned error")).toBeVisible();
    await expect(compare.reply.getByRole("article", { name: "Error" })).toContainText("RateLimitError");
    await expect(compare.reply.getByText("One, two, three.")).toBeVisible();
    await screenshots(page, "error-verdict");
  });

  test("sources that cannot be read, and a broken recording, get a clear panel", async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto(`-x:${WEATHER_OLD}`, `nope:${WEATHER_OLD}`, "", 400);
    await expect(compare.problem("Cannot read a (before)")).toContainText('refusing revision "-x"');
    await expect(compare.problem("Cannot read b (after)")).toContainText('unknown revision "nope"');
    await screenshots(page, "bad-revision");

    await compare.goto(`HEAD:${DIR}/missing.json`, BROKEN);
    await expect(compare.problem("Cannot read a (before)")).toContainText("no file");
    const broken = compare.problem("b (after) is not a readable recording");
    await expect(broken).toContainText("invalid-json");
    await expect(broken).toContainText("line 3, column 15");
    await screenshots(page, "broken");

    await compare.goto(`${DIR}/missing.json`, WEATHER_NEW);
    await expect(compare.problem("Cannot read a (before)")).toContainText("no recording");
  });
});

test.describe("history and parametrizations", () => {
  test("the history of a renamed recording links each version to the one before", async ({ page }) => {
    await page.goto(`/recordings/${WEATHER_NEW}`);
    const history = page.getByRole("region", { name: "History" });
    const rows = history.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(5);
    await expect(rows.nth(1)).toContainText("Pin temperature 0 for the weather test");
    await expect(rows.nth(1)).toContainText("renamed");
    await expect(rows.nth(1)).toContainText("request");
    await expect(rows.nth(2)).toContainText("response");
    await expect(rows.nth(3)).toContainText("noise");
    await expect(rows.nth(4)).toContainText("first version");
    await expect(rows.nth(2)).toContainText(
      "then: 15619540c532331eb357ad87a865deefb37f30932a6cf0bf33f17c823387af10.json",
    );
    await history.scrollIntoViewIfNeeded();
    await saveScreenshot(page, "history");

    await rows
      .nth(1)
      .getByRole("link", { name: /with the version before/ })
      .click();
    const compare = new ComparePage(page);
    await compare.expectVerdict("request");
    await expect(compare.inputA).toHaveValue(new RegExp(`^[0-9a-f]{40}:${WEATHER_OLD}$`));
    await expect(compare.inputB).toHaveValue(new RegExp(`^[0-9a-f]{40}:${WEATHER_NEW}$`));
    await expect(compare.request.getByText("request.body.temperature")).toBeVisible();
  });

  test("two radio columns pick any two versions; a stays older than b", async ({ page }) => {
    await page.goto(`/recordings/${WEATHER_NEW}`);
    const form = page.getByRole("form", { name: "Compare two versions" });
    const radios = (side: "a" | "b") => form.getByRole("radio", { name: new RegExp(`^${side}: `) });
    await expect(radios("a")).toHaveCount(4);
    await expect(radios("a").nth(1)).toBeChecked();
    await expect(radios("b").nth(0)).toBeChecked();
    await expect(radios("a").nth(0)).toBeDisabled();
    await radios("a").nth(3).check();
    await radios("b").nth(2).check();
    await expect(radios("a").nth(2)).toBeDisabled();
    await form.getByRole("button", { name: "Compare selected versions" }).click();
    const compare = new ComparePage(page);
    await compare.expectVerdict("noise");
    await expect(compare.inputA).toHaveValue(new RegExp(`:${WEATHER_OLD}$`));
  });

  test("two parametrizations of one test compare side by side", async ({ page }) => {
    await page.goto(`/tests?id=${encodeURIComponent(`${GREET_TEST}[txt=openai/gpt-4o]`)}`);
    const form = page.getByRole("form", { name: "Compare two parametrizations" });
    await expect(form.getByRole("combobox", { name: "a (before)" })).toHaveValue(GREET_OPENAI_1);
    await expect(form.getByRole("combobox", { name: "b (after)" })).toHaveValue(GREET_OLLAMA_1);
    await expect(form.getByRole("option", { name: /^call 2 · llama3\.2:3b · 3 messages/ })).toHaveCount(2);
    await saveScreenshot(page, "test-page-compare");
    await form.getByRole("button", { name: "Compare" }).click();

    const compare = new ComparePage(page);
    await compare.expectVerdict("request");
    await expect(compare.request.getByText("request.body.model")).toBeVisible();
    const words = compare.reply.getByRole("group", { name: "Word diff of the text" });
    await expect(words.getByRole("insertion").filter({ hasText: "nice to meet you" })).toBeVisible();
    await screenshots(page, "request-across-providers");

    await page.goBack();
    const ollama = page.getByRole("region", { name: "txt=ollama/llama3.2:3b" });
    await ollama.getByRole("link", { name: "compare call 2 with the selected one" }).click();
    await compare.expectVerdict("request");
    await expect(compare.reply.getByRole("group", { name: "Word diff of the text" })).toContainText("Bye");
  });
});
