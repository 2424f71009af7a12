import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultQuery, parseRecordingQuery, runQuery, type RecordingQuery } from "./query";
import { RecordingIndex } from "./recording-index";
import {
  chatRecording,
  exceptionRecording,
  streamRecording,
} from "@/lib/recording/testing/recording-builders";

const chat = (testId: string | null, model: string, prompt: string, reply: string) =>
  chatRecording({ testId, model, prompt }, reply);
const stream = (testId: string, model: string, prompt: string, pieces: string[]) =>
  streamRecording({ testId, model, prompt }, pieces);

const exception = (testId: string, model: string, prompt: string) =>
  exceptionRecording({ testId, model, prompt }, "the model rejected the request");

const T_CHAT = "tests/integration/inference/test_chat.py::test_chat";
const T_AGENT = "tests/integration/agents/test_agents.py::test_agent[txt=openai/gpt-4o]";

const FILES: Record<string, string> = {
  "tests/integration/inference/recordings/a.json": chat(
    `${T_CHAT}[txt=ollama/m1]`,
    "m1",
    "tell me about giraffes",
    "Giraffes are tall",
  ),
  "tests/integration/inference/recordings/b.json": stream(
    `${T_CHAT}[txt=ollama/m2]`,
    "m2",
    "what about zebras",
    ["Zebras ", "have ", "stripes"],
  ),
  "tests/integration/inference/recordings/c.json": exception(
    "tests/integration/inference/test_chat.py::test_error",
    "m1",
    "break please",
  ),
  "tests/integration/agents/recordings/d.json": chat(
    T_AGENT,
    "gpt-4o",
    `giraffes again, ${"and again ".repeat(60)}`,
    "Still tall",
  ),
  "tests/integration/agents/recordings/e.json": '{"test_id": "t", "request": {',
  "tests/integration/inference/recordings/f.json": chat(null, "m1", "no test here", "Untested reply"),
};

let root: string;
let index: RecordingIndex;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tapedeck-query-"));
  for (const [relPath, content] of Object.entries(FILES)) {
    const path = join(root, ...relPath.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  index = await RecordingIndex.open({ root, cache: false });
});

afterAll(async () => {
  await index.close();
  await rm(root, { recursive: true, force: true });
});

const names = (query: Partial<RecordingQuery>) =>
  runQuery(index, { ...defaultQuery(), ...query }).items.map((item) => item.relPath.split("/").pop());

function parse(search: string) {
  return parseRecordingQuery(new URLSearchParams(search));
}

describe("parseRecordingQuery", () => {
  it("gives the defaults for an empty query and ignores empty values", () => {
    expect(parse("")).toEqual({ ok: true, query: { sort: "test", page: 1, pageSize: 50 } });
    expect(parse("q=&model=&page=")).toEqual({ ok: true, query: { sort: "test", page: 1, pageSize: 50 } });
  });

  it("reads every parameter, trimming text and turning flags into booleans", () => {
    expect(
      parse(
        "q=%20giraffe%20&suite=inference&family=openai-chat&kind=chat&provider=ollama&model=m1&test=t" +
          "&streaming=true&error=false&broken=false&sort=size&page=2&pageSize=10",
      ),
    ).toEqual({
      ok: true,
      query: {
        q: "giraffe",
        suite: "inference",
        family: "openai-chat",
        kind: "chat",
        provider: "ollama",
        model: "m1",
        test: "t",
        streaming: true,
        error: false,
        broken: false,
        sort: "size",
        page: 2,
        pageSize: 10,
      },
    });
  });

  it("names the parameter in each message", () => {
    expect(parse("page=0")).toEqual({ ok: false, message: "page: must be 1 or more" });
    expect(parse("page=abc")).toEqual({ ok: false, message: "page: must be a number" });
    expect(parse("page=1.5")).toEqual({ ok: false, message: "page: must be a whole number" });
    expect(parse("pageSize=0")).toEqual({ ok: false, message: "pageSize: must be 1 or more" });
    expect(parse("pageSize=5000")).toEqual({ ok: false, message: "pageSize: must be at most 1000" });
    expect(parse("streaming=yes")).toEqual({ ok: false, message: 'streaming: must be "true" or "false"' });
    expect(parse(`q=${"x".repeat(501)}`)).toEqual({
      ok: false,
      message: "q: must be at most 500 characters",
    });
    const family = parse("family=bogus");
    expect(family.ok).toBe(false);
    if (!family.ok) expect(family.message).toMatch(/^family: .*"openai-chat"/);
    const sort = parse("sort=date");
    expect(sort.ok).toBe(false);
    if (!sort.ok) expect(sort.message).toMatch(/^sort: .*"chunks"/);
  });

  it("joins several problems", () => {
    const result = parse("page=0&broken=maybe");
    expect(result).toEqual({
      ok: false,
      message: 'broken: must be "true" or "false"; page: must be 1 or more',
    });
  });

  it("refuses unknown parameters", () => {
    expect(parse("foo=1")).toEqual({ ok: false, message: "unknown parameter: foo" });
    expect(parse("foo=1&bar=2")).toEqual({ ok: false, message: "unknown parameters: foo, bar" });
  });
});

describe("runQuery", () => {
  it("lists everything by test id, files without one last", () => {
    const result = runQuery(index, defaultQuery());
    expect(result.total).toBe(6);
    expect(result.pages).toBe(1);
    expect(result.page).toBe(1);
    expect(result.items.map((item) => item.relPath.split("/").pop())).toEqual([
      "d.json",
      "a.json",
      "b.json",
      "c.json",
      // No test id (e.json is broken): last, by path.
      "e.json",
      "f.json",
    ]);
  });

  it("filters by suite, family, kind, provider, model, streaming, error and broken", () => {
    expect(names({ suite: "agents" })).toEqual(["d.json", "e.json"]);
    expect(names({ family: "exception" })).toEqual(["c.json"]);
    expect(names({ family: "openai-chat", model: "m1" })).toEqual(["a.json", "f.json"]);
    expect(names({ kind: "chat", streaming: true })).toEqual(["b.json"]);
    expect(names({ provider: "openai-compatible", streaming: false, error: false, broken: false })).toEqual([
      "d.json",
      "a.json",
      "f.json",
    ]);
    expect(names({ error: true })).toEqual(["c.json"]);
    expect(names({ broken: true })).toEqual(["e.json"]);
    expect(names({ model: "nope" })).toEqual([]);
  });

  it("filters by a test: every parametrization by its base, or one parametrization by its id", () => {
    expect(names({ test: T_CHAT })).toEqual(["a.json", "b.json"]);
    expect(names({ test: `${T_CHAT}[txt=ollama/m2]` })).toEqual(["b.json"]);
    expect(names({ test: "tests/integration/inference/test_chat.py" })).toEqual([]);
  });

  it("searches text and combines it with filters", () => {
    expect(names({ q: "giraffes", sort: "path" })).toEqual(["d.json", "a.json"]);
    expect(names({ q: "giraffes", suite: "inference" })).toEqual(["a.json"]);
    expect(names({ q: "stripes" })).toEqual(["b.json"]);
    expect(names({ q: "nothing-matches-this" })).toEqual([]);
  });

  it("sorts by path, model, size and chunks", () => {
    expect(names({ sort: "path" })).toEqual(["d.json", "e.json", "a.json", "b.json", "c.json", "f.json"]);
    expect(names({ sort: "model" })).toEqual(["d.json", "a.json", "c.json", "f.json", "b.json", "e.json"]);
    // Largest first: the sizes are the bytes written.
    const bySize = Object.entries(FILES)
      .map(([relPath, text]) => ({ name: relPath.split("/").pop(), size: Buffer.byteLength(text) }))
      .sort((a, b) => b.size - a.size);
    expect(new Set(bySize.map((file) => file.size)).size).toBe(6);
    expect(names({ sort: "size" })).toEqual(bySize.map((file) => file.name));
    expect(runQuery(index, { ...defaultQuery(), sort: "size" }).items.map((item) => item.size)).toEqual(
      bySize.map((file) => file.size),
    );
    expect(names({ sort: "chunks" })[0]).toBe("b.json");
    expect(runQuery(index, { ...defaultQuery(), sort: "chunks" }).items[0]?.chunks).toBe(3);
  });

  it("follows the tree: a view kept for a query is dropped when a file changes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tapedeck-query-refresh-"));
    const write = async (relPath: string, content: string) => {
      await mkdir(dirname(join(dir, relPath)), { recursive: true });
      await writeFile(join(dir, relPath), content);
    };
    await write("tests/integration/x/recordings/1.json", chat(`${T_CHAT}[a]`, "m1", "giraffes", "tall"));
    await write("tests/integration/x/recordings/2.json", chat(`${T_CHAT}[b]`, "m2", "zebras", "striped"));
    const own = await RecordingIndex.open({ root: dir, cache: false });
    try {
      const models = () =>
        runQuery(own, { ...defaultQuery(), model: "m1" }).items.map((item) => item.relPath);
      const found = () =>
        runQuery(own, { ...defaultQuery(), q: "giraffes" }).items.map((item) => item.relPath);
      expect(models()).toEqual(["tests/integration/x/recordings/1.json"]);
      expect(found()).toEqual(["tests/integration/x/recordings/1.json"]);
      await write(
        "tests/integration/x/recordings/2.json",
        chat(`${T_CHAT}[b]`, "m1", "giraffes too", "tall"),
      );
      await write("tests/integration/x/recordings/3.json", chat(`${T_CHAT}[c]`, "m1", "okapis", "shy"));
      await own.refresh();
      expect(models()).toEqual([
        "tests/integration/x/recordings/1.json",
        "tests/integration/x/recordings/2.json",
        "tests/integration/x/recordings/3.json",
      ]);
      expect(found().sort()).toEqual([
        "tests/integration/x/recordings/1.json",
        "tests/integration/x/recordings/2.json",
      ]);
      // Pages of one view agree with it.
      const paged = runQuery(own, { ...defaultQuery(), model: "m1", pageSize: 2, page: 2 });
      expect(paged).toMatchObject({ total: 3, page: 2, pages: 2 });
      expect(paged.items.map((item) => item.relPath)).toEqual(["tests/integration/x/recordings/3.json"]);
    } finally {
      await own.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("pages, clamping a page past the end to the last one", () => {
    const first = runQuery(index, { ...defaultQuery(), sort: "path", pageSize: 4 });
    expect(first).toMatchObject({ total: 6, page: 1, pageSize: 4, pages: 2 });
    expect(first.items.map((item) => item.relPath.split("/").pop())).toEqual([
      "d.json",
      "e.json",
      "a.json",
      "b.json",
    ]);
    const second = runQuery(index, { ...defaultQuery(), sort: "path", pageSize: 4, page: 2 });
    expect(second.items.map((item) => item.relPath.split("/").pop())).toEqual(["c.json", "f.json"]);
    const past = runQuery(index, { ...defaultQuery(), sort: "path", pageSize: 4, page: 9 });
    expect(past.page).toBe(2);
    expect(past.items).toHaveLength(2);
    const none = runQuery(index, { ...defaultQuery(), model: "nope" });
    expect(none).toEqual({ total: 0, page: 1, pageSize: 50, pages: 1, items: [] });
  });
});
