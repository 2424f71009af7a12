import { expect, type Locator, type Page } from "@playwright/test";

/** The match page (`/match`): the paste box, the answers and their candidates, the request comparison. */
export class MatchPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly text: Locator;
  readonly url: Locator;
  readonly test: Locator;
  readonly submit: Locator;
  readonly compare: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Why did replay miss?" });
    this.form = page.getByRole("form", { name: "Request to match" });
    this.text = this.form.getByRole("textbox", { name: "Request or test log" });
    this.url = this.form.getByRole("textbox", { name: /^URL/ });
    this.test = this.form.getByRole("textbox", { name: /^Test id/ });
    this.submit = this.form.getByRole("button", { name: "Match" });
    this.compare = page.getByRole("region", { name: "Requests compared" });
  }

  async goto(): Promise<void> {
    const response = await this.page.goto("/match");
    expect(response?.status()).toBe(200);
    await expect(this.heading).toBeVisible();
  }

  /** Pastes `text` (with a URL for a bare body) and waits for the answer's page. */
  async paste(text: string, options: { url?: string; test?: string } = {}): Promise<void> {
    await this.text.fill(text);
    if (options.url !== undefined || options.test !== undefined) {
      await this.form.getByText("Test id, or URL for a bare body").click();
      if (options.url !== undefined) await this.url.fill(options.url);
      if (options.test !== undefined) await this.test.fill(options.test);
    }
    await this.submit.click();
    await expect(this.page).toHaveURL(/\/match\?id=[0-9a-f]{24}$/);
  }

  /** The section answering one request (or one failure of a log), by its heading. */
  answer(title: string | RegExp): Locator {
    return this.page.getByRole("region", { name: title });
  }

  /** The candidates of an answer, best first. */
  candidates(answer: Locator): Locator {
    return answer
      .getByRole("list", { name: /^Candidates for / })
      .getByRole("listitem", { name: /^Candidate \d+$/ });
  }
}
