import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { MatchPage } from "./pages/match-page";
import { OverviewPage } from "./pages/overview-page";
import { saveScreenshot } from "./pages/screenshot";

const RECORDING =
  "tests/integration/inference/recordings/94509b8ce016ad3ba91d461d35d55c952b6b97a9b5d5738495447fdcce51133e.json";
const CASSETTE = "python-app/tests/models/cassettes/test_openai/test_chat_stream.yaml";

/** The recording as a request file holds it, with one field changed: the call the test sends now. */
function changedRequest(): string {
  const recording = JSON.parse(readFileSync(`recordings/${RECORDING}`, "utf8"));
  recording.request.body.temperature = 0.7;
  return JSON.stringify({ test_id: recording.test_id, request: recording.request }, null, 2);
}

test("a pasted request finds its recording, says what moved, and compares the two requests", async ({
  page,
}) => {
  const match = new MatchPage(page);
  await match.goto();
  await match.paste(changedRequest());

  const answer = match.answer("Your request");
  await expect(answer.getByText("no exact match")).toBeVisible();
  const best = match.candidates(answer).first();
  await expect(best.getByRole("link", { name: RECORDING })).toHaveAttribute(
    "href",
    `/recordings/${RECORDING}`,
  );
  await expect(best.getByText("same test", { exact: true })).toBeVisible();
  await expect(best.getByText("name is another hash")).toBeVisible();
  const differences = best.getByRole("list", { name: "Differences from candidate 1" }).getByRole("listitem");
  await expect(differences).toHaveCount(1);
  await expect(differences.first()).toContainText("body.temperature");
  await expect(differences.first()).toContainText("added");
  await saveScreenshot(page, "match-request");

  await best.getByRole("link", { name: "Compare requests" }).click();
  await expect(page).toHaveURL(/compare=0\.0#request-compare$/);
  await expect(match.compare).toBeVisible();
  const diff = match.compare.getByRole("region", { name: "Raw JSON line diff" });
  await expect(diff.locator("ins")).toContainText('"temperature": 0.7');
  // The paste is still in the box, so it can be edited and matched again.
  await expect(match.text).toHaveValue(/"temperature": 0.7/);

  await match.compare.getByRole("link", { name: RECORDING }).click();
  await expect(page).toHaveURL(new RegExp(`/recordings/${RECORDING.replace(/\./g, "\\.")}$`));
});

test("a bare body with its URL finds the cassette interaction, exact", async ({ page }) => {
  const body =
    '{"messages":[{"role":"system","content":"You are a concise poet."},{"role":"user","content":"Write a haiku about tide pools."}],"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true}}';
  const match = new MatchPage(page);
  await match.goto();
  await match.paste(body, { url: "https://api.openai.com/v1/chat/completions" });
  const answer = match.answer("Your request");
  await expect(answer.getByText("exact match found")).toBeVisible();
  const best = match.candidates(answer).first();
  await expect(best.getByText("exact match", { exact: true })).toBeVisible();
  await expect(best.getByRole("link", { name: `${CASSETTE} #0` })).toHaveAttribute(
    "href",
    `/recordings/${CASSETTE}#interaction-0`,
  );
});

test("a test log is answered failure by failure", async ({ page }) => {
  const recording = JSON.parse(readFileSync(`recordings/${RECORDING}`, "utf8"));
  const log = [
    "=========================== short test summary info ============================",
    `FAILED ${recording.test_id} - RuntimeError: Recording not found for request hash: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef`,
    "E   Model: llama3.2:3b-instruct-fp16 | Request: POST http://localhost:11434/v1/v1/chat/completions",
  ].join("\n");
  const match = new MatchPage(page);
  await match.goto();
  await match.paste(log);
  const answer = match.answer(`Failure 1 of 1: ${recording.test_id}`);
  await expect(answer.getByText("The error does not carry the request body", { exact: false })).toBeVisible();
  const best = match.candidates(answer).first();
  await expect(best.getByRole("link", { name: RECORDING })).toBeVisible();
  await expect(best.getByText("the request body moved", { exact: false })).toBeVisible();
});

test("input that is neither a request nor a log says why", async ({ page }) => {
  const match = new MatchPage(page);
  await match.goto();
  await match.paste("hello");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "no replay failure found in the text",
  );
});

test("the overview lists the recordings that will miss and leads to /match", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto();
  const panel = page.getByRole("region", { name: "Recordings that will miss" });
  await expect(panel.getByRole("heading", { name: /^Drift groups \d+$/ })).toBeVisible();
  await expect(panel.getByRole("heading", { name: /^Stale names \d+$/ })).toBeVisible();
  await panel.getByRole("link", { name: /Match a request/ }).click();
  await expect(new MatchPage(page).heading).toBeVisible();
});
