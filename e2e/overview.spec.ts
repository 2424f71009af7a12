import { expect, test } from "@playwright/test";
import { OverviewPage } from "./pages/overview-page";
import { RecordingsListPage } from "./pages/recordings-list-page";
import { saveScreenshot } from "./pages/screenshot";

test("the overview counts the root and each count links to the filtered list", async ({ page, request }) => {
  const health = await (await request.get("/api/health")).json();
  const overview = new OverviewPage(page);
  await overview.goto();
  await saveScreenshot(page, "overview");

  await expect(overview.tile("Recordings")).toContainText(String(health.recordings));
  await expect(overview.tile("Broken files")).toContainText("0");
  await expect(page.getByText("Every file decodes.")).toBeVisible();

  const suites = overview.facet("Suites");
  const inference = suites.getByRole("link", { name: /^inference \d+$/ });
  const count = Number((await inference.textContent())?.replace(/\D+/g, ""));
  expect(count).toBeGreaterThan(0);
  await inference.click();
  await expect(page).toHaveURL(/\/recordings\?suite=inference$/);
  const list = new RecordingsListPage(page);
  await expect(list.heading).toBeVisible();
  expect(await list.shownCount()).toBe(count);
  await expect(list.rows).toHaveCount(count);

  await overview.goto();
  await overview
    .facet("Families")
    .getByRole("link", { name: /^anthropic-messages \d+$/ })
    .click();
  await expect(page).toHaveURL(/family=anthropic-messages/);
  await expect(list.rows.first()).toContainText("anthropic-messages");
});
