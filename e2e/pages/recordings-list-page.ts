import { expect, type Locator, type Page } from "@playwright/test";

/** The URL parameter behind each filter's label. */
const PARAMS = {
  Suite: "suite",
  Recorder: "format",
  Family: "family",
  Provider: "provider",
  Model: "model",
  Streamed: "streaming",
  Error: "error",
  Broken: "broken",
  Host: "host",
  Status: "status",
} as const;

/** The recordings list (`/recordings`): filters, search, grouped rows, keyboard navigation. */
export class RecordingsListPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly status: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Recordings" });
    this.search = page.getByRole("searchbox", { name: "Search" });
    this.status = page.getByRole("status");
    this.rows = page.locator("a[data-row]");
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/recordings${query}`);
    await expect(this.heading).toBeVisible();
  }

  filter(label: string): Locator {
    return this.page.getByRole("combobox", { name: label });
  }

  async choose(label: keyof typeof PARAMS, value: string): Promise<void> {
    await this.filter(label).selectOption(value);
    await this.page.waitForURL((url) => url.searchParams.get(PARAMS[label]) === value);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press("Enter");
    await this.page.waitForURL((url) => url.searchParams.get("q") === text);
  }

  /** The "N of M recordings" count. */
  async shownCount(): Promise<number> {
    const text = (await this.status.textContent()) ?? "";
    return Number(text.split(" of ")[0]?.replace(/,/g, ""));
  }
}
