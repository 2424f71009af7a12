import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { z } from "zod";
import { recordingSummarySchema, type RecordingSummary } from "@/lib/index/summary-schema";
import type { ResponseInfo } from "@/lib/model/exchange";
import { recordingHref } from "@/lib/urls";
import { saveScreenshot } from "./screenshot";

/** A cassette's page: the strip of interactions on top, then one section per interaction. */
export class CassettePage {
  readonly title: Locator;
  readonly strip: Locator;
  readonly rawFile: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole("heading", { level: 1 });
    this.strip = page.getByRole("navigation", { name: "Interactions" });
    // The section and the highlighted box inside it share the name; the box is the one asserted.
    this.rawFile = page.getByRole("region", { name: /^Raw (YAML|HAR|trace)$/ }).last();
  }

  async goto(relPath: string, hash = ""): Promise<void> {
    await this.page.goto(`${recordingHref(relPath)}${hash}`);
    await expect(this.title).toHaveText(relPath.slice(relPath.lastIndexOf("/") + 1));
  }

  /** The section of interaction `index` (`#interaction-N`). */
  interaction(index: number): Locator {
    return this.page.locator(`section#interaction-${index}`);
  }

  /** A row of interaction `index`'s chunk timeline. */
  chunk(index: number, chunk: number): Locator {
    return this.page.locator(`#interaction-${index}-chunk-${chunk}`);
  }

  /** The text of interaction `index`'s reassembled message, and the mark over a chunk's part. */
  messageText(index: number): Locator {
    return this.interaction(index)
      .getByRole("region", { name: "Message", exact: true })
      .getByTestId("message-text")
      .first();
  }

  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, `cassette-${name}`);
  }
}

const listing = z.object({ items: z.array(recordingSummarySchema) });
// The API serves each interaction's decoded response as the model defines it; only its tag is checked.
const detail = z.object({
  ok: z.boolean(),
  interactions: z
    .array(
      z.object({
        index: z.number(),
        family: z.string(),
        status: z.number().nullable(),
        response: z.custom<ResponseInfo>(
          (value) => typeof value === "object" && value !== null && "type" in value,
        ),
      }),
    )
    .optional(),
});

export interface CassetteSample {
  summary: RecordingSummary;
  interactions: z.infer<typeof detail>["interactions"] & {};
}

/** Finds a cassette of the project's `recordings/` through the API that `accept` takes. */
export async function findCassette(
  request: APIRequestContext,
  accept: (sample: CassetteSample) => boolean,
): Promise<CassetteSample> {
  const list = await request.get("/api/recordings?pageSize=1000&sort=path");
  expect(list.ok()).toBe(true);
  const { items } = listing.parse(await list.json());
  for (const summary of items) {
    if (summary.format === null || summary.format === "llama-stack") continue;
    const reply = await request.get(`/api${recordingHref(summary.relPath)}`);
    if (!reply.ok()) continue;
    const body = detail.parse(await reply.json());
    if (!body.ok || !body.interactions) continue;
    const sample = { summary, interactions: body.interactions };
    if (accept(sample)) return sample;
  }
  throw new Error("no cassette in recordings/ fits");
}
