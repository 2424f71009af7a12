import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";
import { ReviewPage } from "./pages/review-page";
import { saveScreenshot } from "./pages/screenshot";
import { PLAIN_URL, REVIEW_DIR, REVIEW_URL } from "./review-servers";

// The repository e2e/fixtures/make-review-repo.mjs builds: tags `base` and `head`, root `recordings/`.
const INF = "tests/integration/inference/recordings";
const AGENTS = "tests/integration/agents/recordings";
const REVIEW = "?base=base&head=head";

test.beforeEach(({ page }) => {
  // Recorded text holds a <script>: nothing may ever run it.
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
});

test("the summary counts changes by verdict and by suite, and groups the repeated change", async ({
  page,
}) => {
  const review = new ReviewPage(page, REVIEW_URL);
  await review.goto(REVIEW);
  const expected = { error: 1, request: 3, response: 2, added: 1, removed: 1, noise: 1, identical: 1 };
  for (const [verdict, count] of Object.entries(expected))
    expect(await review.verdictCount(verdict)).toBe(count);
  await expect(review.suites.getByRole("row", { name: /^inference 7 / })).toBeVisible();
  await expect(review.suites.getByRole("row", { name: /^tool_runtime 1 / })).toBeVisible();
  await expect(
    review.groups.getByRole("link", { name: "request.model: llama3.2:3b → qwen3:0.6b" }),
  ).toBeVisible();
  await expect(review.changes).toHaveCount(10);
  // Substantive changes first: the error, then the request changes.
  await expect(review.changes.first()).toHaveAccessibleName(`${INF}/flaky.json`);
  await expect(review.changes.last()).toHaveAccessibleName(`${AGENTS}/tools.json`);
  await expect(review.change(`${AGENTS}/tools.json`)).toContainText(`renamed from ${INF}/tools.json`);
  await review.screenshot("review-wide-light");
});

test("filters by verdict, suite and group through the URL", async ({ page }) => {
  const review = new ReviewPage(page, REVIEW_URL);
  await review.goto(REVIEW);
  await review.choose("Verdict", "response");
  await expect(review.changes).toHaveCount(2);
  await expect(review.change(`${AGENTS}/weather.json`)).toBeVisible();
  await expect(review.change(`${INF}/poem.json`)).toBeVisible();
  await expect(review.remaining).toHaveText(/2 of 2 shown changes/);

  // The URL reproduces the view.
  await page.reload();
  await expect(review.filter("Verdict")).toHaveValue("response");
  await expect(review.changes).toHaveCount(2);

  await review.choose("Suite", "agents");
  await expect(review.changes).toHaveCount(1);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(review.changes).toHaveCount(10);

  await review.groups.getByRole("link", { name: "request.model: llama3.2:3b → qwen3:0.6b" }).click();
  await expect(page).toHaveURL(/group=request\.model/);
  await expect(review.changes).toHaveCount(3);
  for (const name of ["capital", "count", "greet"])
    await expect(review.change(`${INF}/${name}.json`)).toBeVisible();
  await expect(review.filter("Group")).toHaveValue("request.model: llama3.2:3b → qwen3:0.6b");

  await review.verdictTile("removed").click();
  await expect(page).toHaveURL(/verdict=removed/);
  await expect(review.changes).toHaveCount(1);
});

test("each change opens its comparison; a new recording opens its own page", async ({ page }) => {
  const review = new ReviewPage(page, REVIEW_URL);
  await review.goto(REVIEW);
  await review
    .change(`${AGENTS}/weather.json`)
    .getByRole("link", { name: `${AGENTS}/weather.json` })
    .click();
  await expect(page).toHaveURL(
    `${REVIEW_URL}/compare?a=base:${AGENTS}/weather.json&b=head:${AGENTS}/weather.json`,
  );
  const compare = new ComparePage(page);
  await expect(compare.heading).toBeVisible();
  await compare.expectVerdict("response");

  await review.goto(REVIEW);
  await review
    .change(`${AGENTS}/tools.json`)
    .getByRole("link", { name: `${AGENTS}/tools.json` })
    .click();
  await expect(page).toHaveURL(`${REVIEW_URL}/compare?a=base:${INF}/tools.json&b=head:${AGENTS}/tools.json`);
  await compare.expectVerdict("identical");

  await review.goto(REVIEW);
  await review
    .change(`${INF}/embed.json`)
    .getByRole("link", { name: `${INF}/embed.json` })
    .click();
  await expect(page).toHaveURL(`${REVIEW_URL}/recordings/${INF}/embed.json`);
});

test("marking changes as seen lowers the remaining count and survives a reload", async ({ page }) => {
  const review = new ReviewPage(page, REVIEW_URL);
  await review.goto(REVIEW);
  await expect(review.remaining).toHaveText(/^10 of 10 shown changes not yet seen$/);
  await review.seen(`${INF}/flaky.json`).check();
  await review.seen(`${INF}/capital.json`).check();
  await expect(review.remaining).toHaveText(/^8 of 10 /);
  await expect(review.change(`${INF}/flaky.json`)).toHaveAttribute("data-seen", "true");
  await review.seen(`${INF}/capital.json`).uncheck();
  await expect(review.remaining).toHaveText(/^9 of 10 /);

  await page.reload();
  await expect(review.seen(`${INF}/flaky.json`)).toBeChecked();
  await expect(review.seen(`${INF}/capital.json`)).not.toBeChecked();
  await expect(review.remaining).toHaveText(/^9 of 10 /);
  // Filtered, the count is of the changes shown.
  await review.choose("Verdict", "error");
  await expect(review.remaining).toHaveText(/^0 of 1 /);
});

test("recorded markup is shown as text in the reply diff", async ({ page }) => {
  const review = new ReviewPage(page, REVIEW_URL);
  await review.goto(`${REVIEW}&verdict=response`);
  const poem = review.change(`${INF}/poem.json`);
  await poem.getByText("Reply text").click();
  const diff = poem.getByRole("group", { name: /Reply text/ });
  await expect(diff).toContainText("Roses <script>alert(1)</script> bloom,");
  await expect(diff.getByText("at noon")).toBeVisible();
  await saveScreenshot(page, "review-reply-diff");
});

test("without a base it asks for the revisions; a bad revision is a message, not a crash", async ({
  page,
}) => {
  const review = new ReviewPage(page, REVIEW_URL);
  await review.goto("");
  await review.revisions.getByRole("textbox", { name: "Base" }).fill("base");
  await review.revisions.getByRole("textbox", { name: "Head" }).fill("head");
  await review.revisions.getByRole("button", { name: "Review" }).click();
  await expect(review.changes).toHaveCount(10);

  await review.goto("?base=-x", 400);
  await expect(review.alert).toContainText("Bad revision");
  await expect(review.alert).toContainText('refusing revision "-x": it starts with "-"');
  await review.goto("?base=base&head=no-such-branch", 400);
  await expect(review.alert).toContainText('unknown revision "no-such-branch"');
  await expect(review.revisions.getByRole("textbox", { name: "Head" })).toHaveValue("no-such-branch");
});

test("the working tree is the head when none is given", async ({ page }) => {
  const review = new ReviewPage(page, REVIEW_URL);
  await review.goto("?base=head");
  await expect(page.getByText("→ the working tree")).toBeVisible();
  await expect(page.getByText("No recording changed.")).toBeVisible();
});

test("a root outside git gets a clear message", async ({ page }) => {
  const review = new ReviewPage(page, PLAIN_URL);
  await review.goto("?base=HEAD");
  await expect(review.alert).toContainText("The root is not in a git repository");
  await saveScreenshot(page, "review-not-git");
});

test("screenshots: light and dark, wide and narrow", async ({ page }) => {
  const review = new ReviewPage(page, REVIEW_URL);
  for (const scheme of ["light", "dark"] as const) {
    for (const [label, width] of [
      ["wide", 1280],
      ["narrow", 390],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await review.goto(`${REVIEW}&verdict=substantive`);
      await review.screenshot(`review-${label}-${scheme}`);
    }
  }
});

test("the HTML report works from disk: filters and seen marks", async ({ page }) => {
  mkdirSync("test-results", { recursive: true });
  const out = resolve("test-results/review-report.html");
  const args = [
    "bin/tapedeck.mjs",
    "review",
    "--repo",
    join(REVIEW_DIR, "repo"),
    "--base",
    "base",
    "--head",
    "head",
  ];
  try {
    execFileSync(process.execPath, [...args, "--format", "html", "--out", out], { stdio: "pipe" });
  } catch (error) {
    // Exit 1: the review has changes to look at.
    if (!(error instanceof Error && "status" in error && error.status === 1)) throw error;
  }
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(out).href);
  await expect(page.getByRole("heading", { level: 1, name: "Tapedeck review" })).toBeVisible();
  const items = page.getByRole("listitem").filter({ has: page.getByRole("article") });
  await expect(items).toHaveCount(10);
  const status = page.getByRole("status");
  await expect(status).toHaveText("10 of 10 shown changes not yet seen");

  await page.getByRole("combobox", { name: "Verdict" }).selectOption("response");
  await expect(items.filter({ visible: true })).toHaveCount(2);
  await page
    .getByRole("article", { name: `recordings/${AGENTS}/weather.json` })
    .getByRole("checkbox", { name: "Seen" })
    .check();
  await expect(status).toHaveText("1 of 2 shown changes not yet seen");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Verdict" })).toHaveValue("response");
  await expect(status).toHaveText("1 of 2 shown changes not yet seen");
  await page.getByRole("button", { name: "request.model: llama3.2:3b → qwen3:0.6b" }).click();
  await expect(items.filter({ visible: true })).toHaveCount(0);
  await page.getByRole("combobox", { name: "Verdict" }).selectOption("");
  await expect(items.filter({ visible: true })).toHaveCount(3);
  await saveScreenshot(page, "review-html-report");
  expect(requests.every((url) => url.startsWith("file://"))).toBe(true);
});
