import { expect, test } from "@playwright/test";
import type { ResponseInfo } from "@/lib/model/exchange";
import { chunkText, findSample, RecordingPage, type Sample } from "./pages/recording-page";

/** Chunks that add non-empty text to choice 0, in order. */
function textChunks(response: ResponseInfo): number[] {
  if (response.type !== "message") return [];
  return response.chunks.map((chunk) => chunk.index).filter((index) => chunkText(response, index) !== null);
}

const streamedText = (sample: Sample) =>
  sample.response.type === "message" && sample.response.streaming && textChunks(sample.response).length >= 3;

test("a streamed reply: picking a chunk marks exactly the text it added", async ({ page, request }) => {
  const sample = await findSample(request, { streaming: "true" }, streamedText);
  const recording = new RecordingPage(page);
  await recording.goto(sample.summary.relPath);
  for (const name of ["Request", "Response", "Chunks", "Message", "Raw JSON"]) {
    await expect(recording.heading(name)).toBeVisible();
  }

  const chunks = textChunks(sample.response);
  const picked = chunks[Math.floor(chunks.length / 2)] ?? 0;
  await recording.chunk(picked).click();
  await expect(recording.chunk(picked)).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(new RegExp(`#chunk-${picked}$`));
  await expect(recording.messageMark).toHaveCount(1);
  expect(await recording.messageMark.textContent()).toBe(chunkText(sample.response, picked));
  await recording.screenshot("stream-chunk-selected");

  const first = chunks[0] ?? 0;
  await recording.stripCell(first).click();
  await expect(recording.chunk(first)).toHaveAttribute("aria-pressed", "true");
  expect(await recording.messageMark.textContent()).toBe(chunkText(sample.response, first));

  await recording.page.getByRole("button", { name: "Show rendered markdown" }).click();
  await expect(recording.messageMark).toHaveCount(0);
});

test("a deep link to #chunk-2 selects that chunk and scrolls to it", async ({ page, request }) => {
  const sample = await findSample(
    request,
    { streaming: "true" },
    (candidate) => streamedText(candidate) && chunkText(candidate.response, 2) !== null,
  );
  const recording = new RecordingPage(page);
  await recording.goto(sample.summary.relPath, "#chunk-2");
  await expect(recording.chunk(2)).toHaveAttribute("aria-pressed", "true");
  await expect(recording.chunk(2)).toBeInViewport();
  expect(await recording.messageMark.textContent()).toBe(chunkText(sample.response, 2));
  await expect(recording.status).toContainText("Chunk 2 selected");
  await recording.screenshot("stream-deep-link");
});

test("selecting text in the message marks the chunks that made it", async ({ page, request }) => {
  const sample = await findSample(request, { streaming: "true" }, streamedText);
  const recording = new RecordingPage(page);
  await recording.goto(sample.summary.relPath);
  await page.getByRole("button", { name: "Show plain text" }).click();
  await recording.messageText.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
  });
  const chunks = textChunks(sample.response);
  await expect(recording.status).toContainText(
    `The selected text came from ${chunks.length} chunks: ${chunks[0]}–${chunks[chunks.length - 1]}.`,
  );
  await expect(recording.chunk(chunks[0] ?? 0)).toHaveAttribute("data-marked", "true");
  await recording.screenshot("stream-text-selected");
});

test("a tool call shows its name and pretty-printed arguments", async ({ page, request }) => {
  const sample = await findSample(request, {}, (candidate) => {
    const response = candidate.response;
    return (
      response.type === "message" &&
      response.choices.some((choice) =>
        choice.toolCalls.some(
          (call) => call.name !== null && call.parsedArguments.ok && call.arguments.length > 2,
        ),
      )
    );
  });
  if (sample.response.type !== "message") throw new Error("not a message");
  const call = sample.response.choices
    .flatMap((choice) => choice.toolCalls)
    .find((candidate) => candidate.name);
  if (!call?.name) throw new Error("no named tool call");
  const recording = new RecordingPage(page);
  await recording.goto(sample.summary.relPath);
  const args = recording.response.getByLabel(`Arguments of ${call.name}`).first();
  await expect(args).toBeVisible();
  expect(await args.textContent()).toBe(JSON.stringify(JSON.parse(call.arguments), null, 2));
  await expect(recording.response.getByText(call.name, { exact: true }).first()).toBeVisible();
  await recording.screenshot("tool-call");
});

test("a recorded error shows as an error card", async ({ page, request }) => {
  const sample = await findSample(
    request,
    { error: "true" },
    (candidate) => candidate.response.type === "error",
  );
  if (sample.response.type !== "error") throw new Error("not an error");
  const { error } = sample.response;
  const recording = new RecordingPage(page);
  await recording.goto(sample.summary.relPath);
  await expect(recording.errorCard).toBeVisible();
  await expect(recording.errorCard.getByRole("heading", { name: error.type })).toBeVisible();
  if (error.status !== null) await expect(recording.errorCard).toContainText(`HTTP ${error.status}`);
  await expect(recording.errorCard).toContainText(error.message.slice(0, 40));
  await recording.screenshot("error");
});

test("embeddings show their count, dimension and a picture of the first vector", async ({
  page,
  request,
}) => {
  const sample = await findSample(
    request,
    { kind: "embeddings" },
    (candidate) => candidate.response.type === "embeddings",
  );
  if (sample.response.type !== "embeddings") throw new Error("not embeddings");
  const recording = new RecordingPage(page);
  await recording.goto(sample.summary.relPath);
  const embeddings = page.getByRole("region", { name: "Embeddings" });
  await expect(embeddings).toContainText(sample.response.dimension.toLocaleString("en-US"));
  await expect(embeddings.getByRole("img", { name: /first vector/ })).toBeVisible();
  await recording.screenshot("embeddings");
});

test("copy buttons put the request body and the raw JSON on the clipboard", async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const sample = await findSample(request, { streaming: "true" }, streamedText);
  const recording = new RecordingPage(page);
  await recording.goto(sample.summary.relPath);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await recording.copyButton("Copy raw JSON").click();
  await expect.poll(clipboard).toContain('"request"');
  expect(JSON.parse(await clipboard())).toHaveProperty("response");

  await recording.copyButton("Copy request body").click();
  await expect.poll(clipboard).not.toContain('"response"');
  expect(typeof JSON.parse(await clipboard())).toBe("object");
});

test("an unknown path is a 404 page with a way back", async ({ page }) => {
  const response = await page.goto("/recordings/tests/integration/nowhere/recordings/missing.json");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such recording" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the recordings" })).toHaveAttribute(
    "href",
    "/recordings",
  );
  await page.screenshot({ path: "test-results/screenshots/recording-not-found.png", fullPage: true });
});
