import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { recordingHref } from "@/lib/urls";
import { hashNamedRecording } from "../lib/recording/testing/hash-named";
import { FAKE } from "../lib/secrets/testing/fake-credentials";
import { plantCredentials, type Planted } from "../lib/secrets/testing/plant";
import { startServer, type RunningServer } from "./deploy/server";
import { saveScreenshot } from "./pages/screenshot";

/**
 * The production server on copies of the written cassettes with a credential planted in each
 * (lib/secrets/testing/plant.ts), and a llama-stack recording whose request body holds a key: the
 * pages send the browser no credential in any spelling, mask each where it is shown, and name the
 * finding.
 */

test.describe.configure({ mode: "serial" });

let root = "";
let server: RunningServer;
let planted: Planted[] = [];
const named = hashNamedRecording({ api_key: FAKE.anthropic });

const mask = (rule: string, value: string) => `[secret ${rule}: ${value.slice(0, 4)}…${value.slice(-2)}]`;

/** Every spelling of every planted value a page could carry: raw, URL-encoded, JSON-escaped. */
function spellings(): string[] {
  const values = [...planted.map((item) => item.value), FAKE.anthropic];
  return values.flatMap((value) => [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
}

/** Loads a recording's page; checks the HTML the server sent and the page as hydrated hold no value. */
async function openClean(page: Page, relPath: string): Promise<void> {
  const response = await page.goto(`${server.url}${recordingHref(relPath)}`);
  expect(response?.status()).toBe(200);
  const sent = (await response?.text()) ?? "";
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    relPath.slice(relPath.lastIndexOf("/") + 1),
  );
  const shown = await page.content();
  for (const spelling of spellings()) {
    expect(sent.includes(spelling), `the HTML sent holds ${spelling.slice(0, 6)}…`).toBe(false);
    expect(shown.includes(spelling), `the page holds ${spelling.slice(0, 6)}…`).toBe(false);
  }
}

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "tapedeck-e2e-secrets-"));
  planted = await plantCredentials(root);
  mkdirSync(join(root, "llama", "recordings"), { recursive: true });
  writeFileSync(join(root, "llama", "recordings", named.fileName), named.text);
  server = await startServer({ env: { TAPEDECK_ROOT: root }, timeoutMs: 90_000 });
});

test.afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

test("a cassette with a key in a header: masked beside the header, in the raw view and the copy", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await openClean(page, "vcrpy/openai-chat.yaml");
  const openaiMask = mask("openai", FAKE.openai);
  const sessionMask = mask("session-cookie", FAKE.session);

  const notice = page.getByTestId("secrets-notice");
  await expect(notice).toContainText("2 credentials leaked into this recording.");
  await expect(notice).toContainText(`#0 request header authorization: ${openaiMask}`);
  await expect(notice).toContainText(`#0 response header set-cookie (sessionid): ${sessionMask}`);

  const interaction = page.locator("section#interaction-0");
  await interaction.getByText(/^Headers/).click();
  const authorization = interaction
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "authorization" }) });
  await expect(authorization.getByRole("cell")).toHaveText(`Bearer ${openaiMask}`);
  await expect(authorization.locator("mark[data-secret-rule='openai']")).toHaveText(openaiMask);
  // Two set-cookie headers: the session's value is masked, the other kept.
  await expect(interaction.getByRole("cell").filter({ hasText: /^sessionid=/ })).toHaveText(
    `sessionid=${sessionMask}; path=/; HttpOnly`,
  );

  const raw = page.getByRole("region", { name: "Raw YAML" }).last();
  await expect(raw).toContainText(`- Bearer ${openaiMask}`);
  await expect(raw).toContainText(`- sessionid=${sessionMask}; path=/; HttpOnly`);

  await page.getByRole("button", { name: "Copy raw YAML", exact: true }).click();
  await expect(page.getByRole("button", { name: "Copy raw YAML", exact: true })).toContainText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`- Bearer ${openaiMask}`);
  expect(copied).toContain(`sessionid=${sessionMask}`);
  for (const spelling of spellings()) expect(copied.includes(spelling)).toBe(false);

  await interaction.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "secrets-cassette-masked");
});

test("a llama-stack recording with a key in its body: masked, and its name still matches its request", async ({
  page,
}) => {
  const relPath = `llama/recordings/${named.fileName}`;
  await openClean(page, relPath);
  const anthropicMask = mask("anthropic", FAKE.anthropic);
  await expect(page.getByTestId("secrets-notice")).toContainText(`$.request.body.api_key: ${anthropicMask}`);
  // Marked in the parameters as in the header tables.
  await expect(
    page.getByRole("row", { name: /api_key/ }).locator("mark[data-secret-rule='anthropic']"),
  ).toHaveText(anthropicMask);
  // The hash is of the request as written, not of the masked text the page shows.
  await expect(page.getByText("matches the request hash")).toBeVisible();
  await expect(page.getByRole("region", { name: "Raw JSON" }).last()).toContainText(
    `"api_key": "${anthropicMask}"`,
  );
  await saveScreenshot(page, "secrets-llama-stack-masked");
});
