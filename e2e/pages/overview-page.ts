import { expect, type Locator, type Page } from "@playwright/test";

/** The overview (`/`): totals, counts by facet, broken files. */
export class OverviewPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Overview" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.heading).toBeVisible();
  }

  facet(title: string): Locator {
    return this.page.getByRole("region", { name: title });
  }

  /** A total at the top of the page (not the navigation link of the same name). */
  tile(label: string): Locator {
    return this.page.getByRole("main").getByRole("link", { name: new RegExp(`^[\\d,]+\\s*${label}$`) });
  }
}
