import { expect, test } from "@playwright/test";
import { CASSETTE_URL } from "./cassette-servers";
import { ComparePage } from "./pages/compare-page";
import { saveScreenshot } from "./pages/screenshot";

// The repository e2e/fixtures/make-cassette-repo.mjs builds: one test's two parametrizations as
// vcrpy cassettes, OpenAI's of 2 calls and Anthropic's of 3, the same in every commit.
const TEST = "tests/test_agent.py::test_weather_tool";
const OPENAI = "tests/cassettes/test_agent/test_weather_tool[openai].yaml";
const ANTHROPIC = "tests/cassettes/test_agent/test_weather_tool[anthropic].yaml";
/** The date header of the Anthropic cassette's replies (the OpenAI one's is older). */
const NEW_DATE = "Wed, 14 May 2025 16:40:02 GMT";

test("two parametrizations of several calls compare call by call, every call paired", async ({ page }) => {
  await page.goto(`${CASSETTE_URL}/tests?id=${encodeURIComponent(`${TEST}[openai]`)}`);
  const selected = page.getByRole("region", { name: "openai", exact: true });
  await expect(selected).toContainText("1 recording · 2 calls");
  const form = page.getByRole("form", { name: "Compare two parametrizations" });
  await expect(form.getByRole("combobox", { name: "a (before)" })).toHaveValue(OPENAI);
  await expect(form.getByRole("combobox", { name: "b (after)" })).toHaveValue(ANTHROPIC);
  await expect(
    form.getByRole("option", {
      name: "cassette · 3 calls · claude-sonnet-4-5 · test_weather_tool[anthropic].yaml",
    }),
  ).toHaveCount(2);
  const other = page.getByRole("region", { name: "anthropic", exact: true });
  await expect(other).toContainText("1 recording · 3 calls");
  await saveScreenshot(page, "cassette-parametrizations-test-page");
  await other.getByRole("link", { name: "compare its 3 calls with the selected one's 2" }).click();

  // Every call of both sides is listed: 2 pairs in order, and Anthropic's extra call as added.
  await page.waitForURL((url) => url.pathname === "/compare");
  const interactions = page.getByRole("region", { name: "Interactions" });
  await expect(interactions).toContainText("a: 2 calls · b: 3 calls");
  const pairs = interactions.getByRole("list", { name: "Interaction pairs" }).getByRole("listitem");
  await expect(pairs).toHaveCount(3);
  await expect(pairs.nth(0)).toHaveAttribute("data-verdict", "request");
  await expect(pairs.nth(0)).toContainText("a #0 · b #0");
  await expect(pairs.nth(1)).toHaveAttribute("data-verdict", "request");
  await expect(pairs.nth(1)).toContainText("a #1 · b #1");
  await expect(pairs.nth(2)).toHaveAttribute("data-verdict", "added");
  await expect(pairs.nth(2)).toContainText("a #– · b #2");
  await expect(page.getByText("Open an interaction pair to compare its two calls.")).toBeVisible();

  // The second pair opens: OpenAI's answer beside Anthropic's second tool call.
  await pairs.nth(1).getByRole("link").click();
  await page.waitForURL((url) => url.searchParams.get("ia") === "1" && url.searchParams.get("ib") === "1");
  const compare = new ComparePage(page);
  await compare.expectVerdict("request");
  await expect(pairs.nth(1).getByRole("link")).toHaveAttribute("aria-current", "true");
  await expect(compare.reply).toContainText("Yes: rain is expected in Paris today (14°C).");
  await expect(compare.reply).toContainText("get_weather");
  // A cassette's host is part of what was asked: it shows in the raw diff with the noise hidden.
  await expect(compare.rawDiff.getByText('"uri": "https://api.anthropic.com/v1/messages"')).toBeVisible();
  // The date and request-id headers are noise by the HTTP rules, as `tapedeck diff` says: b's
  // values are not shown.
  await expect(compare.rawDiff.getByText("req_1TOOL2")).toHaveCount(0);
  await expect(compare.rawDiff.getByText(NEW_DATE)).toHaveCount(0);
  await saveScreenshot(page, "cassette-parametrizations-compare");
  await compare.noiseToggle().click();
  await expect(compare.rawDiff.getByText(NEW_DATE)).toBeVisible();
  // Each noise is listed with its rule, by the name `tapedeck diff --json` gives it.
  const dateNoise = compare.rawChanges.getByRole("listitem").filter({ hasText: "response.headers.date[0]" });
  await expect(dateNoise).toContainText("noise · response-date");
  const agentNoise = compare.request
    .getByRole("listitem")
    .filter({ hasText: "request.headers.user-agent[0]" });
  await expect(agentNoise).toContainText("noise · sdk-headers");
});

test("the raw diff of a cassette pair hides the HTTP noise and shows it on demand", async ({ page }) => {
  const a = `base:tests/cassettes/test_chat/test_noise.yaml`;
  const b = `head:tests/cassettes/test_chat/test_noise.yaml`;
  await page.goto(`${CASSETTE_URL}/compare?a=${a}&b=${b}`);
  const compare = new ComparePage(page);
  await compare.expectVerdict("noise");
  await expect(compare.rawDiff.getByText("No line differs once the noise is hidden.")).toBeVisible();
  await page.goto(`${CASSETTE_URL}/compare?a=${a}&b=${b}&noise=1`);
  await expect(compare.rawDiff.getByText('"Wed, 14 May 2025 16:40:02 GMT"')).toBeVisible();
});
