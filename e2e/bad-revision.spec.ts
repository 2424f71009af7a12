import { expect, test } from "@playwright/test";

// On the git server (e2e/fixtures/make-git-root.mjs; the main server's port plus one): a page asked
// for a revision git refuses or does not know answers 400, as /api/compare does, and still shows
// the page with the reason.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3217) + 1}` });

const WEATHER =
  "tests/integration/inference/recordings/15619540c532331eb357ad87a865deefb37f30932a6cf0bf33f17c823387af10.json";

test("/review with an unknown or refused revision is a 400 that names it", async ({ request }) => {
  const cases: [string, string][] = [
    ["/review?base=no-such-revision", "unknown revision &quot;no-such-revision&quot;"],
    ["/review?base=HEAD~1&head=no-such-head", "unknown revision &quot;no-such-head&quot;"],
    [
      "/review?base=--output%3D%2Ftmp%2Fx",
      "refusing revision &quot;--output=/tmp/x&quot;: it starts with &quot;-&quot;",
    ],
  ];
  for (const [path, reason] of cases) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    const html = await response.text();
    expect(html, path).toContain("Bad revision");
    expect(html, path).toContain(reason);
    expect(response.headers()["content-security-policy"], path).toContain("nonce-");
  }
  expect((await request.get("/review?base=HEAD~1")).status()).toBe(200);
  expect((await request.get("/review")).status()).toBe(200);
});

test("/compare with an unknown revision on either side is a 400; good sides are a 200", async ({
  request,
}) => {
  const bad = await request.get(
    `/compare?a=${encodeURIComponent(`HEAD~1:${WEATHER}`)}&b=${encodeURIComponent(`nope:${WEATHER}`)}`,
  );
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("unknown revision &quot;nope&quot;");
  const refused = await request.get(
    `/compare?a=${encodeURIComponent(`-p:${WEATHER}`)}&b=${encodeURIComponent(WEATHER)}`,
  );
  expect(refused.status()).toBe(400);
  const good = await request.get(
    `/compare?a=${encodeURIComponent(`HEAD~3:${WEATHER}`)}&b=${encodeURIComponent(`HEAD~2:${WEATHER}`)}`,
  );
  expect(good.status()).toBe(200);
  expect((await request.get("/compare")).status()).toBe(200);
});

test("in a browser, the 400 review page still works: the form is there to fix the revision", async ({
  page,
}) => {
  const response = await page.goto("/review?base=no-such-revision");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
  await expect(page.getByText('unknown revision "no-such-revision"')).toBeVisible();
});
