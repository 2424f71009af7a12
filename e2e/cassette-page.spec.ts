import { expect, test } from "@playwright/test";
import { CassettePage, findCassette } from "./pages/cassette-page";
import { chunkText } from "./pages/recording-page";

test("a cassette of several calls: the strip lists them all and links to each section", async ({
  page,
  request,
}) => {
  const sample = await findCassette(request, (candidate) => candidate.interactions.length >= 3);
  const cassette = new CassettePage(page);
  await cassette.goto(sample.summary.relPath);
  const count = sample.interactions.length;
  await expect(cassette.strip.getByRole("row")).toHaveCount(count + 1);
  for (let index = 0; index < count; index++) {
    await expect(cassette.interaction(index)).toBeVisible();
    await expect(
      cassette.interaction(index).getByRole("heading", { name: "Request", exact: true }),
    ).toBeVisible();
    await expect(
      cassette.interaction(index).getByRole("heading", { name: "Response", exact: true }),
    ).toBeVisible();
  }
  const last = count - 1;
  await cassette.strip.getByRole("link").nth(last).click();
  await expect(page).toHaveURL(new RegExp(`#interaction-${last}$`));
  await expect(cassette.interaction(last)).toBeInViewport();
  await expect(cassette.rawFile).toBeVisible();
  // Headers are collapsed until asked for.
  const headers = cassette.interaction(0).getByText(/^Headers/);
  await expect(cassette.interaction(0).getByRole("table").filter({ hasText: "content-type" })).toBeHidden();
  await headers.click();
  await expect(cassette.interaction(0).getByRole("rowheader").first()).toBeVisible();
  await cassette.screenshot("several-calls");
});

test("chunk and text are linked both ways inside a later interaction, not only the first", async ({
  page,
  request,
}) => {
  const sample = await findCassette(request, (candidate) =>
    candidate.interactions.some(
      (interaction) =>
        interaction.index >= 1 &&
        interaction.response.type === "message" &&
        interaction.response.streaming &&
        interaction.response.chunks.filter((chunk) => chunkText(interaction.response, chunk.index) !== null)
          .length >= 2,
    ),
  );
  const target = sample.interactions.find(
    (interaction) =>
      interaction.index >= 1 && interaction.response.type === "message" && interaction.response.streaming,
  );
  if (!target || target.response.type !== "message") throw new Error("no streamed interaction");
  const response = target.response;
  const picked =
    response.chunks.map((chunk) => chunk.index).find((chunk) => chunkText(response, chunk) !== null) ?? 0;
  const cassette = new CassettePage(page);
  await cassette.goto(sample.summary.relPath, `#interaction-${target.index}-chunk-${picked}`);
  const row = cassette.chunk(target.index, picked);
  await expect(row).toHaveAttribute("aria-pressed", "true");
  await expect(row).toBeInViewport();
  const mark = cassette.messageText(target.index).locator("mark");
  await expect(mark).toHaveCount(1);
  expect(await mark.textContent()).toBe(chunkText(response, picked));
  // The other interactions' timelines are untouched.
  await expect(page.locator('[aria-pressed="true"][id$="-chunk-' + picked + '"]')).toHaveCount(1);

  // From text to chunks: selecting the whole message marks the chunks that made it.
  await cassette.messageText(target.index).evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
  });
  await expect(row).toHaveAttribute("data-marked", "true");
  await cassette.screenshot("second-interaction-chunk");
});

test("a call no provider decodes opens as an HTTP exchange and says why", async ({ page, request }) => {
  const sample = await findCassette(request, (candidate) =>
    candidate.interactions.some((interaction) => interaction.family === "generic"),
  );
  const generic = sample.interactions.find((interaction) => interaction.family === "generic");
  if (!generic) throw new Error("no generic interaction");
  const cassette = new CassettePage(page);
  await cassette.goto(sample.summary.relPath);
  const section = cassette.interaction(generic.index);
  await expect(section).toContainText("not decoded by a provider");
  await expect(section).toContainText("not an LLM API call");
  await expect(section.getByRole("heading", { name: "Result" })).toBeVisible();
  await cassette.screenshot("generic-http");
});

test("a binary AWS eventstream reply is reassembled into its message", async ({ page, request }) => {
  const sample = await findCassette(request, (candidate) =>
    candidate.interactions.some(
      (interaction) =>
        interaction.family === "bedrock" &&
        interaction.response.type === "message" &&
        interaction.response.streaming,
    ),
  );
  const target = sample.interactions.find((interaction) => interaction.family === "bedrock");
  if (!target || target.response.type !== "message") throw new Error("no eventstream interaction");
  const cassette = new CassettePage(page);
  await cassette.goto(sample.summary.relPath);
  const section = cassette.interaction(target.index);
  await expect(section.getByRole("heading", { name: "Chunks" })).toBeVisible();
  await expect(cassette.messageText(target.index)).toContainText(
    target.response.choices[0]?.content.slice(0, 30) ?? "",
  );
  await cassette.screenshot("eventstream");
});
