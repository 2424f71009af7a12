import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { z } from "zod";
import { recordingHref } from "@/lib/urls";
import { recordingSummarySchema, type RecordingSummary } from "@/lib/index/summary-schema";
import type { ChunkDelta, ResponseInfo } from "@/lib/model/exchange";
import { saveScreenshot } from "./screenshot";

/** The page of one recording (`/recordings/<path>`): header, request, response, raw JSON. */
export class RecordingPage {
  readonly title: Locator;
  readonly request: Locator;
  readonly response: Locator;
  readonly rawJson: Locator;
  readonly chunkTimeline: Locator;
  readonly message: Locator;
  /** The text of the (first) reassembled message, and the mark over a selected chunk's part. */
  readonly messageText: Locator;
  readonly messageMark: Locator;
  readonly status: Locator;
  readonly errorCard: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole("heading", { level: 1 });
    this.request = page.getByRole("region", { name: "Request", exact: true });
    this.response = page.getByRole("region", { name: "Response", exact: true });
    this.rawJson = page.getByRole("region", { name: "Raw JSON", exact: true });
    this.chunkTimeline = page.getByRole("list", { name: "Chunk timeline" });
    this.message = page.getByRole("region", { name: "Message", exact: true });
    this.messageText = this.message.getByTestId("message-text").first();
    this.messageMark = this.messageText.locator("mark");
    this.status = page.getByRole("status").filter({ hasText: /chunk/i });
    this.errorCard = page.getByRole("article", { name: "Error" });
  }

  async goto(relPath: string, hash = ""): Promise<void> {
    await this.page.goto(`${recordingHref(relPath)}${hash}`);
    await expect(this.title).toHaveText(relPath.slice(relPath.lastIndexOf("/") + 1));
  }

  heading(name: string): Locator {
    return this.page.getByRole("heading", { name, exact: true });
  }

  /** A row of the chunk timeline (its accessible name starts with "Chunk N"). */
  chunk(index: number): Locator {
    return this.chunkTimeline.getByRole("button", { name: new RegExp(`^Chunk ${index}(?!\\d)`) });
  }

  /** A cell of the chunk strip (a mouse shortcut, hidden from assistive technology). */
  stripCell(index: number): Locator {
    return this.page.locator(`[data-chunk-strip] [data-index="${index}"]`);
  }

  copyButton(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, `recording-${name}`);
  }
}

const listing = z.object({ items: z.array(recordingSummarySchema) });
// The API serves the decoded response as the model defines it; only its tag is checked here.
const detail = z.object({
  ok: z.boolean(),
  exchange: z
    .object({
      response: z.custom<ResponseInfo>(
        (value) => typeof value === "object" && value !== null && "type" in value,
      ),
    })
    .optional(),
});

/** What the test needs to know about a sample: its summary and its decoded response. */
export interface Sample {
  summary: RecordingSummary;
  response: ResponseInfo;
}

/**
 * Finds a sample of the project's `recordings/` through the API (samples are renamed while
 * others work, so names are never hard-coded): the first listed by `query` that `accept` takes.
 */
export async function findSample(
  request: APIRequestContext,
  query: Record<string, string>,
  accept: (sample: Sample) => boolean = () => true,
): Promise<Sample> {
  const list = await request.get(`/api/recordings?${new URLSearchParams({ pageSize: "1000", ...query })}`);
  expect(list.ok()).toBe(true);
  const { items } = listing.parse(await list.json());
  for (const summary of items) {
    const reply = await request.get(`/api${recordingHref(summary.relPath)}`);
    if (!reply.ok()) continue;
    const body = detail.parse(await reply.json());
    if (!body.ok || !body.exchange) continue;
    const sample = { summary, response: body.exchange.response };
    if (accept(sample)) return sample;
  }
  throw new Error(`no sample in recordings/ for ${JSON.stringify(query)}`);
}

/** The non-empty text a chunk added to the message of choice 0, if any. */
export function chunkText(response: ResponseInfo, index: number): string | null {
  if (response.type !== "message") return null;
  const chunk = response.chunks.find((candidate) => candidate.index === index);
  const texts = (chunk?.deltas ?? []).filter(
    (delta): delta is Extract<ChunkDelta, { type: "text" }> =>
      delta.type === "text" && delta.choice === 0 && delta.text !== "",
  );
  return texts.length > 0 ? texts.map((delta) => delta.text).join("") : null;
}
