import { expect, test } from "@playwright/test";

const ROUND_TRIP = "tests/integration/messages/test_messages.py::test_messages_tool_use_round_trip";

const MULTI_FILE = "tests/integration/responses/test_tool_responses.py";
const MULTI = `${MULTI_FILE}::test_response_streaming_multi_turn_tool_execution`;
const MULTI_PARAMS = "openai_client-txt=openai/gpt-4o-user_file_access_check";

test("/tests lists every test by file, with parametrizations, recordings and providers", async ({ page }) => {
  await page.goto("/tests");
  await expect(page.getByRole("heading", { level: 1, name: "Tests" })).toBeVisible();
  const status = page.getByRole("search").getByRole("status");
  await expect(status).toHaveText(/^\d+ tests$/);
  const total = Number((await status.textContent())?.split(" ")[0]);
  expect(total).toBeGreaterThanOrEqual(20);

  const file = page.getByRole("region", { name: MULTI_FILE });
  const row = file
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "test_response_streaming_multi_turn_tool_execution" }) });
  await expect(row).toContainText("3 recordings · 1 parametrization");
  await expect(row.getByText("openai", { exact: true })).toBeVisible();
  await expect(row.getByRole("link", { name: `[${MULTI_PARAMS}] · 3` })).toHaveAttribute(
    "href",
    `/tests?id=${encodeURIComponent(`${MULTI}[${MULTI_PARAMS}]`)}`,
  );
  await expect(
    row.getByRole("link", { name: "test_response_streaming_multi_turn_tool_execution" }),
  ).toHaveAttribute("href", `/tests?id=${encodeURIComponent(MULTI)}`);
});

test("the filter box narrows the list as one types, and the link opens the test", async ({ page }) => {
  await page.goto("/tests");
  const search = page.getByRole("searchbox");
  await search.fill("round_trip anthropic");
  const status = page.getByRole("search").getByRole("status");
  await expect(status).toHaveText(/^1 of \d+ tests$/);
  await expect(page).toHaveURL(/\/tests\?q=round_trip\+anthropic$/);
  await expect(page.getByRole("region")).toHaveCount(1);
  await search.fill("no test is called this");
  await expect(page.getByText("No test matches “no test is called this”.")).toBeVisible();

  await page.goto("/tests?q=round_trip");
  await expect(page.getByRole("searchbox")).toHaveValue("round_trip");
  await expect(status).toHaveText(/^1 of \d+ tests$/);
  await page.getByRole("link", { name: "test_messages_tool_use_round_trip" }).click();
  await expect(page).toHaveURL(`/tests?id=${encodeURIComponent(ROUND_TRIP)}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "test_messages_tool_use_round_trip" }),
  ).toBeVisible();
});
