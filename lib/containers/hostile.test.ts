import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, type ReadLimits } from "@/lib/model/limits";
import { gzipBomb } from "@/scripts/hostile/compression-bombs";
import { hostileFiles } from "@/scripts/hostile/hostile-files";
import { ContainerError } from "./container";
import { BodyProblem, DecodeBudget, decodeEventStream, decodeHttpBody, decompress } from "./http-body";
import { firstInvalidUtf8, invalidUtf8Position } from "./invalid-utf8";
import { cutStream } from "./stream-cut";
import { vcrpyContainer } from "./vcrpy";
import { rubyVcrContainer } from "./ruby-vcr";
import { loadYaml } from "./yaml";

/**
 * The readers under attack: each hostile YAML is refused by the parser or the alias walk with
 * its reason, decompression stops at the cap, streams are cut, and honest YAML that merely
 * looks like an attack (a tag in a block scalar, a PyYAML anchor) still loads.
 */

function yamlOf(name: string): string {
  const file = hostileFiles().find((item) => item.path.endsWith(name));
  if (!file) throw new Error(`no hostile file ${name}`);
  return file.bytes().toString("utf8");
}

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ContainerError) return error.message;
    throw error;
  }
  throw new Error("expected a ContainerError");
}

const MB = 1024 * 1024;

describe("loadYaml against hostile YAML", () => {
  const cases: [string, string][] = [
    [
      "alias-billion-laughs.yaml",
      "the YAML's aliases expand it to about 58.5 GB, past the 100.0 MB limit; it is not read",
    ],
    ["alias-count.yaml", "the YAML uses 5000 aliases, more than allowed (1000); it is not read"],
    [
      "merge-keys-bomb.yaml",
      "the YAML's merge keys (<<) copy more than 10000 keys (line 81); it is not read",
    ],
    ["alias-cycle.yaml", "the YAML refers to itself (an alias inside the node it names); it is not read"],
    ["alias-deep.yaml", "the YAML nests more than 256 levels deep through its aliases; it is not read"],
    ["deep-flow-sequences.yaml", "the YAML nests more than 256 levels deep (line 8); it is not read"],
    ["deep-flow-mappings.yaml", "the YAML nests more than 256 levels deep (line 8); it is not read"],
    ["deep-block-sequences.yaml", "the YAML nests more than 256 levels deep (line 9); it is not read"],
    ["deep-indented-mappings.yaml", "the YAML nests more than 256 levels deep (line 259); it is not read"],
    ["document-stream.yaml", "the YAML holds 5000 documents; a cassette is one"],
    [
      "tag-python-object-apply.yaml",
      "the YAML uses the tag !!python/object/apply:os.system (line 3), which Tapedeck does not construct; it is not read",
    ],
    [
      "tag-ruby-object.yml",
      "the YAML uses the tag !ruby/object:Net::HTTPOK (line 12), which Tapedeck does not construct; it is not read",
    ],
    [
      "tag-js-function.yaml",
      "the YAML uses the tag !!js/function (line 3), which Tapedeck does not construct; it is not read",
    ],
  ];
  for (const [name, reason] of cases) {
    it(`refuses ${name} with its reason, at once`, () => {
      const text = yamlOf(name);
      const started = performance.now();
      expect(refusal(() => loadYaml(text, DEFAULT_LIMITS))).toBe(reason);
      expect(performance.now() - started).toBeLessThan(5000);
    });
  }

  it("bounds the walk, not just the parse: the laughs load as shared references in a few ms", () => {
    // With a budget big enough for the tree, the same walk finds its exact expanded size.
    const small = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n";
    expect(loadYaml(small, DEFAULT_LIMITS)).toEqual({
      a: ["x", "x", "x"],
      b: [
        ["x", "x", "x"],
        ["x", "x", "x"],
        ["x", "x", "x"],
      ],
      c: Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => ["x", "x", "x"])),
    });
    let laughs = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (let level = 1; level <= 6; level++)
      laughs += `l${level}: &l${level} [${Array(9)
        .fill(`*l${level - 1}`)
        .join(", ")}]\n`;
    const tight: ReadLimits = { ...DEFAULT_LIMITS, maxDecodedBytes: MB };
    expect(refusal(() => loadYaml(laughs, tight))).toBe(
      "the YAML's aliases expand it to about 82.1 MB, past the 1.0 MB limit; it is not read",
    );
  });

  it("never runs or builds a code tag: the Python payload's side effect does not happen", () => {
    const marker = "/tmp/tapedeck-hostile-pwned";
    refusal(() => loadYaml(yamlOf("tag-python-object-apply.yaml"), DEFAULT_LIMITS));
    refusal(() => loadYaml(yamlOf("tag-js-function.yaml"), DEFAULT_LIMITS));
    expect((globalThis as { tapedeckPwned?: unknown }).tapedeckPwned).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it("reads a tag, an anchor or `---` inside a block scalar as text", () => {
    const text =
      "interactions:\n- request:\n    body: |\n      theme:\n        emoji_index: !!python/name:material.extensions.emoji.twemoji\n" +
      "      anchors: &x *y\n      ---\n    headers: {}\n    method: GET\n    uri: https://raw.githubusercontent.com/o/r/main/mkdocs.yml\n" +
      "  response:\n    body: {string: ok}\n    headers: {}\n    status: {code: 200, message: OK}\nversion: 1\n";
    const opened = vcrpyContainer.open(text, "tests/cassettes/test_x/test_y.yaml", DEFAULT_LIMITS);
    expect(opened.calls[0]?.envelope.request.payload).toBe(
      "theme:\n  emoji_index: !!python/name:material.extensions.emoji.twemoji\nanchors: &x *y\n---\n",
    );
  });

  it("still reads the anchors PyYAML writes for an object used twice", () => {
    const text =
      "interactions:\n- request:\n    body: null\n    headers: &id001\n      accept:\n      - application/json\n" +
      "    method: GET\n    uri: https://api.openai.com/v1/models\n  response:\n    body: {string: '{\"data\": []}'}\n" +
      "    headers: *id001\n    status: {code: 200, message: OK}\nversion: 1\n";
    const opened = vcrpyContainer.open(text, "tests/cassettes/test_x/test_y.yaml", DEFAULT_LIMITS);
    expect(opened.calls[0]?.http?.responseHeaders).toEqual([{ name: "accept", value: "application/json" }]);
    expect(opened.calls[0]?.problem).toBeNull();
  });

  it("reads a stream of documents when only one holds something", () => {
    expect(loadYaml("---\n---\na: 1\n---\n", DEFAULT_LIMITS)).toEqual({ a: 1 });
    expect(refusal(() => loadYaml("", DEFAULT_LIMITS))).toBe("the YAML holds no document");
  });
});

describe("base64 that is not", () => {
  it("refuses a YAML file whose !!binary is not base64, saying so", () => {
    expect(refusal(() => loadYaml("a: 1\nb: !!binary |\n  not base64 at all!\n", DEFAULT_LIMITS))).toBe(
      "the YAML has a !!binary value that is not base64 (line 2); it is not read",
    );
  });

  it("marks the interaction of a Ruby VCR base64_string that is not base64, and keeps the rest", () => {
    const text =
      "---\nhttp_interactions:\n- request:\n    method: get\n    uri: https://api.openai.com/v1/models\n" +
      "    body:\n      encoding: UTF-8\n      string: ''\n    headers: {}\n  response:\n    status:\n      code: 200\n" +
      "      message: OK\n    headers: {}\n    body:\n      encoding: ASCII-8BIT\n      base64_string: '%%% not base64 %%%'\n" +
      "  recorded_at: Fri, 02 Jan 2026 00:17:01 GMT\nrecorded_with: VCR 6.3.1\n";
    const [call] = rubyVcrContainer.open(
      text,
      "spec/fixtures/vcr_cassettes/models.yml",
      DEFAULT_LIMITS,
    ).calls;
    expect(call?.problem).toBe("response body: the base64_string body is not base64");
    expect(call?.envelope.response.body).toBe("%%% not base64 %%%");
  });
});

describe("decompress", () => {
  it("stops a 4 GB gzip bomb at the 100 MB cap, in bounded time", () => {
    const bomb = gzipBomb(4096);
    expect(bomb.length).toBeLessThan(5 * MB);
    const started = performance.now();
    expect(() => decompress(bomb, "gzip", DEFAULT_LIMITS)).toThrow(
      new BodyProblem("the gzip body expands past the 100.0 MB limit; it was not decoded"),
    );
    // Decompressing all of it would take tens of seconds and 4 GB.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("shares one budget among the bodies of a file", () => {
    const limits: ReadLimits = { ...DEFAULT_LIMITS, maxDecodedBytes: 20 * MB };
    const budget = new DecodeBudget(limits);
    const body = gzipSync(Buffer.alloc(8 * MB, "a"));
    expect(decompress(body, "gzip", limits, budget).length).toBe(8 * MB);
    expect(decompress(body, "gzip", limits, budget).length).toBe(8 * MB);
    expect(budget.remaining).toBe(4 * MB);
    const pastBudget =
      "the bodies of this file expand past the 20.0 MB limit in all; this gzip body was not decoded";
    expect(() => decompress(body, "gzip", limits, budget)).toThrow(new BodyProblem(pastBudget));
    expect(budget.remaining).toBe(0);
    expect(() => decompress(gzipSync("small"), "gzip", limits, budget)).toThrow(new BodyProblem(pastBudget));
  });

  it("marks the body, not the file: what decodeHttpBody returns for a bomb", () => {
    const decoded = decodeHttpBody(gzipBomb(256), { "content-encoding": ["gzip"] }, DEFAULT_LIMITS);
    expect(decoded).toEqual({
      body: { $binary: { mediaType: null, size: 0, base64: "" } },
      streaming: false,
      problem: "the gzip body expands past the 100.0 MB limit; it was not decoded",
    });
  });
});

describe("stream bodies", () => {
  it("cuts NDJSON after the limit, between two lines, and counts them all", () => {
    const text = Array.from({ length: 10 }, (_, i) => `{"response":"${i}","done":false}\n`).join("");
    expect(cutStream(text, "ndjson", 3)).toEqual({
      text: '{"response":"0","done":false}\n{"response":"1","done":false}\n{"response":"2","done":false}\n',
      total: 10,
    });
    expect(cutStream(text, "ndjson", 10)).toBeNull();
  });

  it("cuts SSE after the limit's blank line (either line end)", () => {
    const text = "event: a\ndata: 1\n\ndata: 2\r\n\r\ndata: 3\n\ndata: [DONE]\n";
    expect(cutStream(text, "sse", 2)).toEqual({ text: "event: a\ndata: 1\n\ndata: 2\r\n\r\n", total: 4 });
    expect(cutStream(text, "sse", 4)).toBeNull();
  });

  it("hands the providers the first events of a million-line body, with the problem", () => {
    const limits: ReadLimits = { ...DEFAULT_LIMITS, maxStreamEvents: 1000 };
    const text = '{"response":"a","done":false}\n'.repeat(1_000_000);
    const decoded = decodeHttpBody(text, { "content-type": ["application/x-ndjson"] }, limits);
    expect(decoded.streaming).toBe(true);
    expect(decoded.body).toBe('{"response":"a","done":false}\n'.repeat(1000));
    expect(decoded.problem).toBe(
      "the stream has 1,000,000 lines, more than the 1,000 read; the rest is not shown",
    );
  });

  it("keeps one 30 MB SSE line whole (one event is within every limit)", () => {
    const text = `data: {"choices":[{"delta":{"content":"${"a".repeat(30 * MB)}"}}]}\n\ndata: [DONE]\n\n`;
    const decoded = decodeHttpBody(text, { "content-type": ["text/event-stream"] }, DEFAULT_LIMITS);
    expect(decoded.problem).toBeNull();
    expect(decoded.body).toBe(text);
  });

  it("stops an eventstream at the message limit, and at a length past the end", () => {
    const file = hostileFiles().find((item) => item.path.endsWith("eventstream-length-past-end.yaml"));
    const base64 =
      /!!binary \|\n([\s\S]*?)\n {4}headers/.exec(file?.bytes().toString("utf8") ?? "")?.[1] ?? "";
    const bytes = Buffer.from(base64.replace(/\s+/g, ""), "base64");
    const { messages, problem } = decodeEventStream(bytes);
    expect(messages.map((message) => message.headers[":event-type"])).toEqual(["messageStart"]);
    expect(problem).toBe(
      `eventstream message 1 declares 2147483648 bytes but ${bytes.length - bytes.readUInt32BE(0)} remain`,
    );
    const capped = decodeEventStream(bytes.subarray(0, bytes.readUInt32BE(0)), 0);
    expect(capped).toEqual({
      messages: [],
      problem: "the eventstream has more than 0 messages; the rest is not shown",
    });
  });
});

describe("invalid UTF-8", () => {
  it("finds the first byte that is not UTF-8, past valid multi-byte characters", () => {
    expect(firstInvalidUtf8(Buffer.from("café ☕ 🎉"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0xa9, 0xe9, 0x80]))).toBe(3);
    // Overlong forms and surrogates are not UTF-8 either.
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xf0, 0x9f, 0x8e]))).toBe(0);
  });

  it("says where, by line and column", () => {
    expect(invalidUtf8Position(Buffer.from("a: 1\nb: 'caf\xe9'\n", "latin1"))).toBe(
      "byte 0xe9 at line 2, column 8",
    );
    expect(invalidUtf8Position(Buffer.from("fine"))).toBeNull();
  });
});
