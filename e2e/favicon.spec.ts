import { expect, test } from "@playwright/test";

test("every page names an icon that loads, and no request fails", async ({ page, request }) => {
  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  for (const path of ["/", "/recordings", "/tests", "/review", "/compare"]) {
    await page.goto(path);
    const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
    expect(href, path).toMatch(/^\/icon\.svg/);
  }
  // Chromium asks for the icon on its own, after the load: give it the time to.
  await page.waitForLoadState("networkidle");
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  const icon = await request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("<svg");
});
