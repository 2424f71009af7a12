import { readdir, readFile, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readRecording, readRecordingNow } from "@/lib/recording/read-recording";
import { A, B, chat, C, indexTree, WEATHER_ID } from "./testing/index-tree";

// The real reader, wrapped so the tests can tell which files were read (and which came from the cache).
vi.mock("@/lib/recording/read-recording", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/recording/read-recording")>();
  return {
    ...actual,
    readRecording: vi.fn(actual.readRecording),
    readRecordingNow: vi.fn(actual.readRecordingNow),
  };
});

/** Indexing reads through `readRecordingNow`, opening a file through `readRecording`. */
const readers = [readRecording, readRecordingNow];
const readCalls = () => readers.flatMap((read) => vi.mocked(read).mock.calls.map(([path]) => path));
const clearReads = () => readers.forEach((read) => vi.mocked(read).mockClear());

const tree = indexTree();
const { tempDir, put, openIndex } = tree;
let root: string;
let cacheDir: string;
const savedCacheDir = process.env.TAPEDECK_CACHE_DIR;

beforeEach(async () => {
  root = await tree.plant("tapedeck-index-");
  cacheDir = await tempDir("tapedeck-cache-");
  process.env.TAPEDECK_CACHE_DIR = cacheDir;
  clearReads();
});

afterEach(async () => {
  await tree.cleanup();
  if (savedCacheDir === undefined) delete process.env.TAPEDECK_CACHE_DIR;
  else process.env.TAPEDECK_CACHE_DIR = savedCacheDir;
});

describe("RecordingIndex discovery", () => {
  it("indexes the recordings, sorted by path, with a summary each", async () => {
    const index = await openIndex();
    expect(index.size).toBe(3);
    expect(index.list().map((summary) => summary.relPath)).toEqual([C, A, B]);
    // Scanned for credentials in the background (none here), then complete.
    await index.secretsScanned();
    const info = await stat(join(root, A));
    expect(index.get(A)).toEqual({
      relPath: A,
      fileName: "a.json",
      suite: "inference",
      size: info.size,
      mtimeMs: info.mtimeMs,
      broken: null,
      secrets: [],
      format: "llama-stack",
      interactions: [
        {
          index: 0,
          family: "openai-chat",
          kind: "chat",
          provider: "openai-compatible",
          providerDetail: "localhost:11434",
          model: "m",
          method: "POST",
          endpoint: "/v1/chat/completions",
          host: "localhost:11434",
          status: null,
          streaming: false,
          chunks: 0,
          error: null,
          toolCalls: 0,
          problem: null,
          prompt: "Will it rain in Lisbon tomorrow?",
          reply: "Sunny all day.",
        },
      ],
      family: "openai-chat",
      kind: "chat",
      provider: "openai-compatible",
      providerDetail: "localhost:11434",
      model: "m",
      endpoint: "/v1/chat/completions",
      testId: WEATHER_ID,
      test: {
        id: WEATHER_ID,
        base: "tests/integration/inference/test_weather.py::TestWeather::test_forecast",
        file: "tests/integration/inference/test_weather.py",
        className: "TestWeather",
        functionName: "test_forecast",
        params: "txt=ollama/m",
        provider: "ollama",
        model: "m",
      },
      streaming: false,
      chunks: 0,
      error: null,
      toolCalls: 0,
      prompt: "Will it rain in Lisbon tomorrow?",
      reply: "Sunny all day.",
    });
    expect(index.get(C)?.suite).toBe("agents");
    expect(index.get("tests/integration/inference/stray.json")).toBeUndefined();
  });

  it("indexes a broken file with its reason", async () => {
    await put("tests/integration/inference/recordings/broken.json", "");
    const index = await openIndex();
    expect(index.get("tests/integration/inference/recordings/broken.json")).toMatchObject({
      broken: { kind: "empty", reason: "the file is empty" },
      family: null,
      prompt: "",
    });
  });
});

describe("RecordingIndex search", () => {
  it("finds a file by a word of its prompt or reply", async () => {
    const index = await openIndex();
    expect(index.search("giraffes")).toEqual([B]);
    expect(index.search("lisbon")).toEqual([A]);
    expect(index.search("sunny")).toEqual([A]);
  });

  it("finds a file by a fragment of its test id, its model or its path", async () => {
    const index = await openIndex();
    expect(index.search("test_forecast")).toEqual([A]);
    expect(index.search("TestWeather")).toEqual([A]);
    expect(index.search("forecast")).toEqual([A]);
    expect(index.search("gpt-4o")).toEqual([C]);
    expect(index.search("agents")).toEqual([C]);
  });

  it("needs every word to match", async () => {
    const index = await openIndex();
    expect(index.search("giraffes lisbon")).toEqual([]);
    expect(index.search("rain lisbon")).toEqual([A]);
  });

  it("follows refreshes: new, changed and removed files", async () => {
    const index = await openIndex();
    expect(index.search("giraffes")).toEqual([B]);
    await put("tests/integration/inference/recordings/d.json", chat("t::d", "Octopus facts", "Eight arms."));
    await put(
      B,
      chat("tests/integration/inference/test_chat.py::test_hello", "Tell me about penguins", "Cold."),
    );
    await unlink(join(root, C));
    expect(await index.refresh()).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(index.search("octopus")).toEqual(["tests/integration/inference/recordings/d.json"]);
    expect(index.search("giraffes")).toEqual([]);
    expect(index.search("penguins")).toEqual([B]);
    expect(index.search("gpt-4o")).toEqual([]);
  });
});

describe("RecordingIndex.open", () => {
  it("reads and decodes an indexed file, and keeps it while the file is unchanged", async () => {
    const index = await openIndex();
    const opened = await index.open(A);
    expect(opened?.summary.relPath).toBe(A);
    expect(opened?.read.decoded.ok).toBe(true);
    if (opened?.read.decoded.ok)
      expect(opened.read.decoded.file.interactions[0]?.exchange.response.type).toBe("message");
    expect(await index.open(A)).toBe(opened);
  });

  it("returns null for a path it has not indexed", async () => {
    const index = await openIndex();
    expect(await index.open("tests/integration/inference/recordings/missing.json")).toBeNull();
    expect(await index.open("tests/integration/inference/stray.json")).toBeNull();
    expect(await index.open("../outside.json")).toBeNull();
    expect(await index.open("")).toBeNull();
  });

  it("reports a file deleted after indexing as a failure, not a throw", async () => {
    const index = await openIndex();
    await unlink(join(root, A));
    const opened = await index.open(A);
    expect(opened?.summary).toEqual(index.get(A));
    expect(opened?.read.decoded).toEqual({
      ok: false,
      kind: "missing",
      reason: "the file no longer exists",
      raw: undefined,
      startsLikeRecording: true,
    });
  });
});

describe("RecordingIndex.refresh", () => {
  it("counts nothing when nothing changed", async () => {
    const index = await openIndex();
    await index.secretsScanned(); // the credentials scan reads every file once more
    clearReads();
    expect(await index.refresh()).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(readCalls()).toEqual([]);
  });

  it("re-reads only the file whose size or mtime changed", async () => {
    const index = await openIndex();
    await index.secretsScanned();
    clearReads();
    const path = await put(A, chat(WEATHER_ID, "Will it snow in Oslo?", "Yes."));
    expect(await index.refresh()).toEqual({ added: 0, changed: 1, removed: 0 });
    expect(readCalls()).toEqual([path]);
    expect(index.get(A)?.prompt).toBe("Will it snow in Oslo?");
  });

  it("keeps the facet counts until the tree changes", async () => {
    const index = await openIndex();
    const facets = index.facets();
    expect(facets.total).toBe(index.size);
    await index.refresh();
    expect(index.facets()).toBe(facets);
    await put("tests/integration/extra/recordings/new.json", chat("t::new", "Hi", "Hello", "other-model"));
    await index.refresh();
    expect(index.facets()).not.toBe(facets);
    expect(index.facets().total).toBe(facets.total + 1);
    expect(index.facets().counts.model).toContainEqual(["other-model", 1]);
  });
});

describe("RecordingIndex.view", () => {
  it("computes a view once per state of the tree, and again after a change", async () => {
    const index = await openIndex();
    let computed = 0;
    const byPrompt = () =>
      index.view("by prompt", () => {
        computed++;
        return index.list().filter((summary) => summary.prompt?.includes("i") === true);
      });
    const first = byPrompt();
    expect(first.map((summary) => summary.relPath)).toEqual([C, A, B]);
    expect(byPrompt()).toBe(first);
    await index.refresh();
    expect(byPrompt()).toBe(first);
    expect(computed).toBe(1);

    await put(B, chat("tests/integration/inference/test_chat.py::test_hello", "Zebras?", "Stripes."));
    await index.refresh();
    expect(byPrompt().map((summary) => summary.relPath)).toEqual([C, A]);
    expect(computed).toBe(2);
    // Another key is another view.
    expect(index.view("nothing", () => []).length).toBe(0);
    expect(computed).toBe(2);
  });
});

describe("RecordingIndex persistent cache", () => {
  it("writes the cache only to TAPEDECK_CACHE_DIR, and not at all when disabled", async () => {
    await (await openIndex({ cache: false })).close();
    expect(await readdir(cacheDir)).toEqual([]);
    await (await openIndex({ cache: true })).close();
    const files = await readdir(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^index-[0-9a-f]{16}\.json$/);
    const cache = JSON.parse(await readFile(join(cacheDir, files[0] ?? ""), "utf8")) as {
      root: string;
      summaries: { relPath: string }[];
    };
    expect(cache.summaries.map((summary) => summary.relPath)).toEqual([C, A, B]);
  });

  it("on reopening, reads only the files that changed; the others come from the cache", async () => {
    const first = await openIndex({ cache: true });
    expect(readCalls()).toHaveLength(3);
    // Scanned before it closes, so the cache holds what the scan found too.
    await first.secretsScanned();
    const before = first.list();
    await first.close();

    // One file changes (content, size and mtime), one is added, one is removed.
    const changed = await put(A, chat(WEATHER_ID, "Will it snow in Oslo?", "Yes."));
    const later = new Date(Date.now() + 60_000);
    await utimes(changed, later, later);
    const added = await put(
      "tests/integration/inference/recordings/d.json",
      chat("t::d", "Octopus", "Arms."),
    );
    await unlink(join(root, C));
    clearReads();

    const second = await openIndex({ cache: true });
    expect(readCalls().sort()).toEqual([changed, added].sort());
    expect(second.get(A)?.prompt).toBe("Will it snow in Oslo?");
    expect(second.get(A)?.mtimeMs).toBe((await stat(changed)).mtimeMs);
    expect(Math.round(second.get(A)?.mtimeMs ?? 0)).toBe(later.getTime());
    expect(second.get(B)).toEqual(before.find((summary) => summary.relPath === B));
    expect(second.get(C)).toBeUndefined();
    expect(second.search("octopus")).toEqual(["tests/integration/inference/recordings/d.json"]);
  });

  it("really serves unchanged files from the cache", async () => {
    await (await openIndex({ cache: true })).close();
    const [file = ""] = await readdir(cacheDir);
    const cache = JSON.parse(await readFile(join(cacheDir, file), "utf8")) as {
      summaries: { relPath: string; reply: string }[];
    };
    for (const summary of cache.summaries) if (summary.relPath === B) summary.reply = "from the cache";
    await writeFile(join(cacheDir, file), JSON.stringify(cache));
    clearReads();

    const index = await openIndex({ cache: true });
    expect(readCalls()).toEqual([]);
    expect(index.get(B)?.reply).toBe("from the cache");
  });

  it("ignores a damaged or foreign cache and reads everything", async () => {
    await (await openIndex({ cache: true })).close();
    const [file = ""] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file), '{"version": 1, "root": ');
    clearReads();
    const index = await openIndex({ cache: true });
    expect(readCalls()).toHaveLength(3);
    expect(index.get(A)?.reply).toBe("Sunny all day.");

    // A cache written for another version of the summaries is not used either.
    await index.close();
    const cache = JSON.parse(await readFile(join(cacheDir, file), "utf8")) as { version: number };
    await writeFile(join(cacheDir, file), JSON.stringify({ ...cache, version: 0 }));
    clearReads();
    await openIndex({ cache: true });
    expect(readCalls()).toHaveLength(3);
  });

  it("keeps one cache per root", async () => {
    await (await openIndex({ cache: true })).close();
    const otherRoot = await tempDir("tapedeck-other-");
    await put("x.json", chat("t::x", "other", "root"), otherRoot);
    clearReads();
    const other = await openIndex({ cache: true, at: otherRoot });
    expect(readCalls()).toHaveLength(1);
    expect(other.list().map((summary) => summary.relPath)).toEqual(["x.json"]);
    await other.close(); // the cache is written in the background; close waits for it
    expect(await readdir(cacheDir)).toHaveLength(2);
  });
});
