import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Change, PathSegment } from "@/lib/diff/change";
import { compareRecordings } from "@/lib/diff/compare";
import { compareFiles, interactionSide, type SideFile } from "@/lib/diff/compare-files";
import { sideFile } from "@/lib/diff/load-side";
import { rawDiff } from "@/lib/diff/raw-diff";
import { decodeText } from "@/lib/recording/decode";
import { alignForLineDiff, rawJsonDiff } from "./aligned-json";
import type { LineDiff } from "./line-diff";

const noise = (...paths: string[]): Change[] =>
  paths.map((path) => ({ path, kind: "changed", before: null, after: null, rule: "timestamp" }));

/** The changed lines of a line diff, `-` removed and `+` added, in order. */
function changedLines(diff: LineDiff): string[] {
  if (!diff.ok) throw new Error(diff.reason);
  return diff.blocks.flatMap((block) =>
    block.type === "change"
      ? [...block.removed.map((l) => `-${l.text.trim()}`), ...block.added.map((l) => `+${l.text.trim()}`)]
      : [],
  );
}

describe("alignForLineDiff", () => {
  const before = {
    test_id: "t1",
    request: { url: "http://a:1/v1/chat", body: { model: "m", temperature: 0 } },
    response: { body: [{ id: "rec-1", created: 0, text: "hi" }] },
  };

  it("orders keys as the first side does", () => {
    const after = {
      response: before.response,
      request: { body: { temperature: 0, model: "m" }, url: "http://a:1/v1/chat" },
      test_id: "t1",
    };
    expect(JSON.stringify(alignForLineDiff(before, after, []))).toBe(JSON.stringify(before));
  });

  it("puts the listed noise back to its first value", () => {
    const after = {
      test_id: "t2",
      request: { url: "http://b:2/v1/chat", body: { model: "m", temperature: 0 } },
      response: { body: [{ id: "rec-2", created: 99, text: "hello", system_fingerprint: "fp_x" }] },
    };
    const listed = noise(
      "test_id",
      "request.url",
      "response.body[0].id",
      "response.body[0].created",
      "response.body[0].system_fingerprint",
    );
    expect(alignForLineDiff(before, after, listed)).toEqual({
      test_id: "t1",
      request: { url: "http://a:1/v1/chat", body: { model: "m", temperature: 0 } },
      response: { body: [{ id: "rec-1", created: 0, text: "hello" }] },
    });
    expect(alignForLineDiff(before, after, [])).toEqual(after);
  });

  it("keeps real changes, additions and removals", () => {
    const after = {
      test_id: "t1",
      request: { url: "http://a:1/v2/chat", body: { model: "m2" } },
      response: before.response,
    };
    expect(alignForLineDiff(before, after, noise("test_id"))).toEqual(after);
  });

  it("puts back noise items added to or dropped from the end of a list", () => {
    expect(alignForLineDiff({ a: [1] }, { a: [1, 2] }, noise("a[1]"))).toEqual({ a: [1] });
    expect(alignForLineDiff({ a: [1, 2, 3] }, { a: [1] }, noise("a[1]"))).toEqual({ a: [1, 2] });
  });

  it("handles values of different shapes", () => {
    expect(alignForLineDiff({ a: [1, 2] }, { a: { x: 1 } }, noise("b"))).toEqual({ a: { x: 1 } });
    expect(alignForLineDiff([1, 2, 3], [1], noise("[0]"))).toEqual([1]);
    expect(alignForLineDiff(null, "x", noise("x"))).toBe("x");
  });
});

const GO_VCR = "providers/anthropic/testdata/TestMessages.yaml";

/** Sets the value at `path` inside `root` (the containers on the way exist). */
function setAt(root: unknown, path: readonly PathSegment[], value: unknown): void {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    if (typeof node !== "object" || node === null) return;
    node = Reflect.get(node, segment);
  }
  const last = path[path.length - 1];
  if (typeof node === "object" && node !== null && last !== undefined) Reflect.set(node, last, value);
}

function goVcrSide(version: "before" | "after"): SideFile {
  const text = readFileSync(new URL(`./fixtures/go-vcr-anthropic.${version}.yaml`, import.meta.url), "utf8");
  const decoded = decodeText(text, GO_VCR);
  const side = sideFile(text, decoded);
  if (!side) throw new Error("the hand-written cassette does not decode");
  return side;
}

describe("rawJsonDiff of a cassette pair, with the comparison's noise hidden", () => {
  const a = goVcrSide("before");
  const b = goVcrSide("after");
  const x = interactionSide(a, 0);
  const y = interactionSide(b, 0);
  const pair = compareFiles(a, b).pairs[0];
  if (!x || !y || !pair?.comparison) throw new Error("no interaction pair");
  const { comparison } = pair;

  it("applies the cassette rules, as tapedeck diff does", () => {
    expect(comparison.verdict).toBe("request");
    expect(comparison.noise.map((change) => [change.path, change.rule])).toEqual([
      ["request.headers.user-agent[0]", "sdk-headers"],
      ["response.body.id", "provider-id"],
      ["response.headers.date[0]", "response-date"],
      ["response.headers.request-id[0]", "request-id-header"],
      ["response.duration", "go-vcr-duration"],
    ]);
  });

  it("shows the host and a new request header, and hides the date, ids, user agent and duration", () => {
    // A llama-stack recording's rules would hide the host (the recorder matches on the path)
    // and every header: for a cassette both are part of what was asked.
    expect(changedLines(rawJsonDiff(x.raw, y.raw, comparison.noise))).toEqual([
      '-"host": "api.anthropic.com",',
      '+"host": "anthropic.proxy.example.com",',
      "+],",
      '+"anthropic-beta": [',
      '+"token-efficient-tools-2025-02-19"',
      '-"url": "https://api.anthropic.com/v1/messages",',
      '+"url": "https://anthropic.proxy.example.com/v1/messages",',
    ]);
  });

  it("leaves exactly the differences that count: the page and tapedeck diff agree", () => {
    const left = rawDiff(x.raw, alignForLineDiff(x.raw, y.raw, comparison.noise), "cassette");
    const shown = [...left.request, ...left.response, ...left.other, ...left.noise];
    const counted = [...comparison.request, ...comparison.rawResponse];
    expect(shown.map((change) => change.path)).toEqual([
      "request.host",
      "request.headers.anthropic-beta",
      "request.url",
    ]);
    expect(shown.map((change) => change.path).sort()).toEqual(counted.map((change) => change.path).sort());
  });

  it("agrees with tapedeck diff on random edits: what is hidden is noise, what shows counts", () => {
    const leaves: PathSegment[][] = [];
    const collect = (value: unknown, path: PathSegment[]) => {
      if (Array.isArray(value)) value.forEach((item, i) => collect(item, [...path, i]));
      else if (typeof value === "object" && value !== null)
        for (const [key, item] of Object.entries(value)) collect(item, [...path, key]);
      else leaves.push(path);
    };
    collect(x.raw, []);
    // Values a re-recording writes: provider ids, dates, numbers, and plain text.
    const value = fc.oneof(
      fc.constantFrom(
        "msg_01Zz",
        "chatcmpl-9",
        "req_77",
        "Fri, 01 Jan 2027 00:00:00 GMT",
        "https://h.example/v1",
      ),
      fc.integer(),
      fc.string({ maxLength: 8 }),
    );
    const header = fc.constantFrom("date", "x-ratelimit-limit", "cf-ray", "openai-beta", "x-custom");
    const edit = fc.record({
      leaf: fc.nat({ max: leaves.length - 1 }),
      value,
      added: fc.option(fc.tuple(fc.constantFrom("request", "response"), header, value)),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const raw: unknown = structuredClone(x.raw);
        for (const { leaf, value: next, added } of edits) {
          const path = leaves[leaf] ?? [];
          setAt(raw, path, next);
          if (added) setAt(raw, [added[0], "headers", added[1]], [added[2]]);
        }
        const compared = compareRecordings(x, { ...x, raw });
        const left = rawDiff(x.raw, alignForLineDiff(x.raw, raw, compared.noise), "cassette");
        const shown = [...left.request, ...left.response, ...left.other, ...left.noise].map((c) => c.path);
        const counted = [...compared.request, ...compared.rawResponse].map((c) => c.path);
        expect(shown.sort()).toEqual(counted.sort());
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it("shows every difference when the noise is shown", () => {
    expect(changedLines(rawJsonDiff(x.raw, y.raw, []))).toEqual([
      '-"host": "api.anthropic.com",',
      '+"host": "anthropic.proxy.example.com",',
      '-"genai/0.4"',
      '+"genai/0.5"',
      "+],",
      '+"anthropic-beta": [',
      '+"token-efficient-tools-2025-02-19"',
      '-"url": "https://api.anthropic.com/v1/messages",',
      '+"url": "https://anthropic.proxy.example.com/v1/messages",',
      '-"id": "msg_01XFDUDYJgAACzvnptvVoYEL",',
      '+"id": "msg_01Q7bMZ3kVf9pGJrT2w8aHcN",',
      '-"Mon, 04 May 2026 22:48:19 GMT"',
      '+"Tue, 12 May 2026 08:03:51 GMT"',
      '-"req_011CUQ15eP6xUA4hWBNj1kEe"',
      '+"req_011CUd7Lw3sYhq2nWd5T8pXz"',
      '-"duration": "842.117ms"',
      '+"duration": "1.203s"',
    ]);
  });
});

describe("rawJsonDiff of a llama-stack pair", () => {
  const side = (name: string) => {
    const text = readFileSync(new URL(`../../diff/fixtures/${name}.json`, import.meta.url), "utf8");
    const decoded = decodeText(text);
    const exchange = decoded.ok ? decoded.file.interactions[0]?.exchange : undefined;
    if (!decoded.ok || !exchange) throw new Error(`${name} does not decode`);
    return { text, raw: decoded.raw, exchange };
  };

  it("hides a stream cut into other chunks when the verdict calls it noise", () => {
    const a = side("chat-stream");
    const b = side("chat-stream.rechunked");
    const comparison = compareRecordings(a, b);
    expect(comparison.verdict).toBe("noise");
    expect(changedLines(rawJsonDiff(a.raw, b.raw, comparison.noise))).toEqual([]);
  });
});
