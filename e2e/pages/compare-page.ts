import { expect, type Locator, type Page } from "@playwright/test";

/** The compare page (`/compare?a=…&b=…`): the form, the verdict, and the diff sections. */
export class ComparePage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly inputA: Locator;
  readonly inputB: Locator;
  readonly verdict: Locator;
  readonly request: Locator;
  readonly reply: Locator;
  readonly timelines: Locator;
  readonly metadata: Locator;
  readonly rawChanges: Locator;
  readonly rawDiff: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Compare recordings" });
    this.form = page.getByRole("form", { name: "Sources to compare" });
    this.inputA = this.form.getByRole("textbox", { name: "a (before)" });
    this.inputB = this.form.getByRole("textbox", { name: "b (after)" });
    this.verdict = page.getByRole("region", { name: /^Verdict: / });
    this.request = page.getByRole("region", { name: "Request", exact: true });
    this.reply = page.getByRole("region", { name: "Reply", exact: true });
    this.timelines = page.getByRole("region", { name: "Chunk timelines", exact: true });
    this.metadata = page.getByRole("region", { name: "Metadata", exact: true });
    this.rawChanges = page.getByRole("region", { name: "Raw response changes", exact: true });
    this.rawDiff = page.getByRole("region", { name: "Raw JSON diff", exact: true });
  }

  /** Opens the comparison; a refused or unknown revision answers 400 with the page. */
  async goto(a: string, b: string, extra = "", status = 200): Promise<void> {
    const query = new URLSearchParams({ a, b }).toString();
    const response = await this.page.goto(`/compare?${query}${extra}`);
    expect(response?.status()).toBe(status);
    await expect(this.heading).toBeVisible();
  }

  /** Expects the verdict badge to read `verdict`. */
  async expectVerdict(verdict: string): Promise<void> {
    await expect(this.page.getByRole("heading", { name: `Verdict: ${verdict}`, exact: true })).toBeAttached();
    await expect(this.verdict.getByText(verdict, { exact: true })).toBeVisible();
  }

  /** The panel explaining why a side cannot be compared. */
  problem(title: string): Locator {
    return this.page.getByRole("alert").filter({ has: this.page.getByRole("heading", { name: title }) });
  }

  /** The aligned timeline rows, one list item per chunk index. */
  timelineRows(): Locator {
    return this.timelines.getByRole("list", { name: "Aligned chunk timelines" }).getByRole("listitem");
  }

  noiseToggle(): Locator {
    return this.verdict.getByRole("link", { name: /^(Show|Hide) noise/ });
  }
}
