import { expect, test } from "@playwright/test";
import { z } from "zod";

const health = z.object({
  ok: z.literal(true),
  root: z.string(),
  recordings: z.number(),
  broken: z.number(),
  indexedAt: z.string(),
});
const listing = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  pages: z.number(),
  items: z.array(
    z.object({
      relPath: z.string(),
      format: z.string().nullable(),
      family: z.string().nullable(),
      streaming: z.boolean(),
    }),
  ),
});

test("GET /api/health reports the root and counts", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = health.parse(await response.json());
  expect(body.root).toMatch(/recordings$/);
  expect(body.recordings).toBeGreaterThanOrEqual(20);
  expect(body.broken).toBe(0);
  expect(Number.isNaN(Date.parse(body.indexedAt))).toBe(false);
});

test("GET /api/recordings filters and pages", async ({ request }) => {
  const all = listing.parse(await (await request.get("/api/recordings?pageSize=1000")).json());
  const streamed = listing.parse(
    await (await request.get("/api/recordings?streaming=true&pageSize=1000")).json(),
  );
  expect(streamed.total).toBe(all.items.filter((item) => item.streaming).length);
  expect(streamed.items.every((item) => item.streaming)).toBe(true);

  const chat = listing.parse(
    await (await request.get("/api/recordings?family=openai-chat&pageSize=2")).json(),
  );
  expect(chat.items.length).toBeLessThanOrEqual(2);
  expect(chat.items.every((item) => item.family === "openai-chat")).toBe(true);
  expect(chat.pages).toBe(Math.ceil(chat.total / 2));
});

test("GET /api/recordings refuses bad parameters with a readable 400", async ({ request }) => {
  const bad = await request.get("/api/recordings?streaming=maybe");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: expect.stringContaining("streaming") });

  const unknown = await request.get("/api/recordings?colour=red");
  expect(unknown.status()).toBe(400);
  expect(await unknown.json()).toEqual({ error: "unknown parameter: colour" });

  const family = await request.get("/api/recordings?family=nope");
  expect(family.status()).toBe(400);
});

test("GET /api/recordings/<path> returns the decoded exchange", async ({ request }) => {
  // recordings/ holds llama-stack recordings (one exchange) and cassettes (interactions).
  const chat = listing.parse(
    await (await request.get("/api/recordings?family=openai-chat&pageSize=1000")).json(),
  );
  const first = chat.items.find((item) => item.format === "llama-stack");
  expect(first).toBeDefined();
  const response = await request.get(`/api/recordings/${first?.relPath ?? ""}`);
  expect(response.status()).toBe(200);
  const body = z
    .object({
      ok: z.literal(true),
      exchange: z.object({ family: z.string(), message: z.object({ content: z.string() }).nullable() }),
    })
    .parse(await response.json());
  expect(body.exchange.family).toBe("openai-chat");

  const cassette = chat.items.find((item) => item.format !== null && item.format !== "llama-stack");
  expect(cassette).toBeDefined();
  const opened = z
    .object({
      ok: z.literal(true),
      format: z.string(),
      interactions: z.array(z.object({ index: z.number(), family: z.string() })),
    })
    .parse(await (await request.get(`/api/recordings/${cassette?.relPath ?? ""}`)).json());
  expect(opened.format).toBe(cassette?.format);
  expect(opened.interactions.map((interaction) => interaction.family)).toContain("openai-chat");
});

test("paths outside the root are 404s", async ({ request }) => {
  for (const path of [
    "../package.json",
    "%2e%2e/package.json",
    "..%2fpackage.json",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "nope.json",
  ]) {
    const response = await request.get(`/api/recordings/${path}`);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain('"private"');
  }
});
