import { cp, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { abbreviate } from "./catalog-entry";
import { RequestCatalog } from "./request-catalog";

const ROOT = fileURLToPath(new URL("./fixtures/root", import.meta.url));
const HELLO =
  "tests/integration/inference/recordings/80962ed0d6b06c6259d865b6f0e940b34f3c6da969ded8a397bbda5151d6fb5c.json";

let work: string;
let root: string;
const saved = process.env.TAPEDECK_CACHE_DIR;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "tapedeck-catalog-"));
  root = join(work, "checkout");
  await cp(ROOT, root, { recursive: true });
  process.env.TAPEDECK_CACHE_DIR = join(work, "cache");
});

afterEach(async () => {
  if (saved === undefined) delete process.env.TAPEDECK_CACHE_DIR;
  else process.env.TAPEDECK_CACHE_DIR = saved;
  await rm(work, { recursive: true, force: true });
});

describe("the request catalog", () => {
  it("holds one entry per llama-stack file and per cassette interaction", async () => {
    const catalog = await RequestCatalog.openDirectory(root);
    expect(catalog.fileCount).toBe(8);
    const entries = catalog.entries();
    expect(entries.filter((e) => e.format === "llama-stack")).toHaveLength(7);
    expect(entries.filter((e) => e.format === "vcrpy").map((e) => e.interaction)).toEqual([0, 1]);
    expect(catalog.entriesOf(HELLO)[0]?.parts).toEqual({
      shape: "inference",
      method: "POST",
      url: "http://0.0.0.0:11434/v1/v1/chat/completions",
      endpoint: "/v1/v1/chat/completions",
      model: "llama3.2:3b-instruct-fp16",
      body: {
        model: "llama3.2:3b-instruct-fp16",
        messages: [{ role: "user", content: "Hello, world!" }],
        stream: false,
      },
      provider: null,
      toolName: null,
      api: null,
      fileId: null,
    });
  });

  it("reads nothing again from a warm cache, and only what changed after an edit", async () => {
    const first = await RequestCatalog.openDirectory(root);
    expect(first.lastRead).toBe(8);
    const warm = await RequestCatalog.openDirectory(root);
    expect(warm.lastRead).toBe(0);
    expect(warm.entries()).toEqual(first.entries());

    const path = join(root, HELLO);
    await writeFile(path, (await readFile(path, "utf8")).replace("Hello, world!", "Hello, there!"));
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    const edited = await RequestCatalog.openDirectory(root);
    expect(edited.lastRead).toBe(1);
    expect(edited.entriesOf(HELLO)[0]?.parts.body).toMatchObject({
      messages: [{ role: "user", content: "Hello, there!" }],
    });
    await rm(path);
    const removed = await RequestCatalog.openDirectory(root);
    expect(removed.entriesOf(HELLO)).toEqual([]);
    expect(removed.fileCount).toBe(7);
  });

  it("keeps long strings as a digest, and reads them back whole for a diff", async () => {
    const path = join(root, HELLO);
    const long = "x".repeat(10_000);
    await writeFile(path, (await readFile(path, "utf8")).replace("Hello, world!", long));
    const catalog = await RequestCatalog.openDirectory(root, { cache: false });
    const [entry] = catalog.entriesOf(HELLO);
    expect(entry?.abbreviated).toBe(true);
    expect(entry?.parts.body).toEqual(
      abbreviate({
        model: "llama3.2:3b-instruct-fp16",
        messages: [{ role: "user", content: long }],
        stream: false,
      }).value,
    );
    const whole = entry && (await catalog.wholeEntry(entry));
    expect(whole?.parts.body).toMatchObject({ messages: [{ content: long }] });
  });
});
