import { expect, test } from "@playwright/test";
import { CASSETTE_URL } from "./cassette-servers";
import { ReviewPage } from "./pages/review-page";

// The repository e2e/fixtures/make-cassette-repo.mjs builds: tags `base` and `head`, root at its top.
const CHAT = "tests/cassettes/test_chat";
const CAPITALS = `${CHAT}/test_capitals.yaml`;

test("the review covers cassettes, each with its interactions' verdicts", async ({ page }) => {
  const review = new ReviewPage(page, CASSETTE_URL);
  await review.goto("?base=base&head=head");
  const expected = { request: 1, response: 1, added: 1, noise: 1, error: 0 };
  for (const [verdict, count] of Object.entries(expected))
    expect(await review.verdictCount(verdict)).toBe(count);
  await expect(review.changes).toHaveCount(4);
  await expect(review.changes.first()).toHaveAccessibleName("providers/ollama/testdata/TestChat.yaml");
  await expect(review.change("providers/ollama/testdata/TestChat.yaml")).toContainText(
    "request: request.body.model: gemma4:e2b → qwen3.5:2b",
  );
  await expect(review.change(CAPITALS)).toContainText(
    "3 interactions: 1 added, 2 noise; b#1 a new interaction",
  );
  await expect(review.change(`${CHAT}/test_weather.yaml`)).toContainText(
    "response: choices[0].content: It is sunny in Paris today. → It is raining in Paris today.",
  );
});

test("a cassette's comparison lists its interaction pairs, each opening to its own comparison", async ({
  page,
}) => {
  const review = new ReviewPage(page, CASSETTE_URL);
  await review.goto("?base=base&head=head");
  await review.change(CAPITALS).getByRole("link", { name: CAPITALS }).click();
  await page.waitForURL((url) => url.pathname === "/compare");
  const pairs = page.getByRole("list", { name: "Interaction pairs" }).getByRole("listitem");
  await expect(pairs).toHaveCount(3);
  await expect(pairs.nth(0)).toHaveAttribute("data-verdict", "noise");
  await expect(pairs.nth(1)).toHaveAttribute("data-verdict", "added");
  await expect(pairs.nth(1)).toContainText("a #– · b #1");
  await expect(pairs.nth(2)).toHaveAttribute("data-verdict", "noise");
  // Nothing is compared until a pair is opened.
  await expect(page.getByText("Open an interaction pair to compare its two calls.")).toBeVisible();

  await pairs.nth(2).getByRole("link").click();
  await page.waitForURL((url) => url.searchParams.get("ia") === "1" && url.searchParams.get("ib") === "2");
  await expect(pairs.nth(2).getByRole("link")).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("heading", { name: "Request" })).toBeVisible();
  await expect(page.getByText("noise only: 3 volatile fields").first()).toBeVisible();
});

test("a single pair is addressable: /compare with an interaction on each side", async ({ page }) => {
  const a = `base:${CHAT}/test_weather.yaml`;
  const b = `head:${CHAT}/test_weather.yaml`;
  await page.goto(`${CASSETTE_URL}/compare?a=${a}&b=${b}&ia=0&ib=0`);
  const pairs = page.getByRole("list", { name: "Interaction pairs" }).getByRole("listitem");
  await expect(pairs).toHaveCount(1);
  await expect(pairs.first()).toHaveAttribute("data-verdict", "response");
  await expect(page.getByText("It is raining in Paris today.").first()).toBeVisible();

  // An interaction the file does not hold is said so, not a crash.
  await page.goto(`${CASSETTE_URL}/compare?a=${a}&b=${b}&ia=0&ib=7`);
  await expect(page.getByText("there is no interaction 7")).toBeVisible();
});

test("a cassette's page shows its history through git, with each version's verdict", async ({ page }) => {
  await page.goto(`${CASSETTE_URL}/recordings/${CAPITALS}`);
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("Re-record the chat cassettes")).toBeVisible();
  await expect(history.locator('[data-verdict="added"]')).toBeVisible();
  await expect(history.getByText("3 interactions: 1 added, 2 noise")).toBeVisible();
});
