import { expect, type Locator, type Page } from "@playwright/test";
import { saveScreenshot } from "./screenshot";

/** The review page (`/review?base=…&head=…`): summary, groups, filters, changes and "seen" marks. */
export class ReviewPage {
  readonly heading: Locator;
  readonly revisions: Locator;
  readonly verdicts: Locator;
  readonly suites: Locator;
  readonly groups: Locator;
  readonly filters: Locator;
  readonly changes: Locator;
  readonly remaining: Locator;
  readonly alert: Locator;

  constructor(
    readonly page: Page,
    readonly origin = "",
  ) {
    this.heading = page.getByRole("heading", { level: 1, name: "Review" });
    this.revisions = page.getByRole("form", { name: "Revisions to review" });
    this.verdicts = page.getByRole("list", { name: "Changes by verdict" });
    this.suites = page.getByRole("table", { name: "Changes by suite" });
    this.groups = page.getByRole("region", { name: "Repeated changes" });
    this.filters = page.getByRole("search", { name: "Filter changes" });
    this.changes = page.getByRole("list", { name: "Changes" }).getByRole("article");
    this.remaining = page.getByRole("status").filter({ hasText: "not yet seen" });
    // Next.js keeps an empty role="alert" route announcer on every page.
    this.alert = page.getByRole("alert").filter({ hasText: /\S/ });
  }

  /** Opens the review; a refused or unknown revision answers 400 with the page. */
  async goto(query: string, status = 200): Promise<void> {
    const response = await this.page.goto(`${this.origin}/review${query}`);
    expect(response?.status()).toBe(status);
    await expect(this.heading).toBeVisible();
  }

  /** The summary tile of a verdict, named "<count> <verdict>". */
  verdictTile(verdict: string): Locator {
    return this.verdicts.getByRole("link", { name: new RegExp(`^\\d+ ${verdict}$`) });
  }

  async verdictCount(verdict: string): Promise<number> {
    const name = (await this.verdictTile(verdict).getAttribute("aria-label")) ?? "";
    return Number(name.split(" ")[0]);
  }

  filter(label: "Verdict" | "Suite" | "Group"): Locator {
    return this.filters.getByRole("combobox", { name: label });
  }

  async choose(label: "Verdict" | "Suite" | "Group", value: string): Promise<void> {
    await this.filter(label).selectOption(value);
    await this.page.waitForURL((url) => url.searchParams.get(label.toLowerCase()) === value);
  }

  /** The card of a change, by its path under the root. */
  change(path: string): Locator {
    return this.page.getByRole("article", { name: path, exact: true });
  }

  seen(path: string): Locator {
    return this.change(path).getByRole("checkbox", { name: `Seen: ${path}` });
  }

  /** The "N of M shown changes not yet seen" figures. */
  async remainingCounts(): Promise<{ left: number; shown: number }> {
    const text = (await this.remaining.textContent()) ?? "";
    const match = /(\d+)\s*of\s*(\d+)/.exec(text);
    return { left: Number(match?.[1]), shown: Number(match?.[2]) };
  }

  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, name);
  }
}
