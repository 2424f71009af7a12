import { expect, test } from "@playwright/test";
import { OverviewPage } from "./pages/overview-page";
import { saveScreenshot } from "./pages/screenshot";

const background = (page: import("@playwright/test").Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("dark mode follows the system setting", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const overview = new OverviewPage(page);
  await overview.goto();
  const dark = await background(page);
  await saveScreenshot(page, "overview-dark");
  await page.emulateMedia({ colorScheme: "light" });
  const light = await background(page);
  expect(dark).not.toBe(light);
});

test("the theme toggle overrides the system and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const overview = new OverviewPage(page);
  await overview.goto();
  const light = await background(page);
  await page.getByRole("button", { name: "Theme: system" }).click();
  await page.getByRole("button", { name: "Theme: light" }).click();
  await expect(page.getByRole("button", { name: "Theme: dark" })).toBeVisible();
  await expect(page.locator("html")).toHaveClass("dark");
  const dark = await background(page);
  expect(dark).not.toBe(light);
  await page.reload();
  await expect(page.locator("html")).toHaveClass("dark");
  expect(await background(page)).toBe(dark);
  await saveScreenshot(page, "overview-dark-toggled");
});
