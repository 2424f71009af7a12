import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { loadYaml, loadYamlCarefully } from "./yaml";
import { loadPlainYaml, mayNeedCarefulReader } from "./yaml-plain";

const PLAIN = `---
version: 2
interactions:
    - id: 0
      request:
        body: '{"model":"gpt-4o","messages":[{"role":"user","content":"a & b"}]}'
        url: https://api.example.com/v1/chat?a=1&b=2
        headers:
            Content-Type:
                - application/json
      response:
        body: |+
            data: {"choices":[{"delta":{"content":" **bold**"}}]}

            data: [DONE]

        status: 200 OK
        code: 200
        duration: 1.5s
        raw: !!binary aGVsbG8=
        empty: !!binary ""
        ruby: !binary |-
          aGk=
        at: 2024-05-01T10:00:00Z
        flags: [true, null, 3, 4.5, "06"]
`;

/** The value at a path of keys and indexes, or undefined. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = Reflect.get(node, key);
  }
  return node;
}

describe("the fast YAML reader", () => {
  it("reads a plain cassette exactly as the careful reader does", () => {
    const fast = loadPlainYaml(PLAIN, DEFAULT_LIMITS);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual(loadYamlCarefully(PLAIN, DEFAULT_LIMITS).documents);
    const field = (name: string) => at(fast?.[0], "interactions", 0, "response", name);
    const response = {
      raw: field("raw"),
      empty: field("empty"),
      ruby: field("ruby"),
      at: field("at"),
      flags: field("flags"),
      body: field("body"),
    };
    expect(response.raw).toStrictEqual(new Uint8Array(Buffer.from("hello")));
    // js-yaml 4's own `!!binary` reads an empty value as three zero bytes.
    expect(response.empty).toStrictEqual(new Uint8Array());
    expect(response.ruby).toStrictEqual(new Uint8Array(Buffer.from("hi")));
    expect(response.at).toStrictEqual(new Date("2024-05-01T10:00:00Z"));
    expect(response.flags).toStrictEqual([true, null, 3, 4.5, "06"]);
    expect(response.body).toBe('data: {"choices":[{"delta":{"content":" **bold**"}}]}\n\ndata: [DONE]\n\n');
  });

  it("leaves anchors, aliases, merge keys, other tags and directives to the careful reader", () => {
    const anchored = "a: &x {k: 1}\nb: *x\n";
    expect(mayNeedCarefulReader(anchored)).toBe(true);
    expect(loadPlainYaml(anchored, DEFAULT_LIMITS)).toBeNull();
    expect(loadYaml(anchored, DEFAULT_LIMITS)).toStrictEqual({ a: { k: 1 }, b: { k: 1 } });
    const merged = "base: {k: 1}\nchild:\n  <<: {k: 2}\n  j: 3\n";
    expect(loadPlainYaml(merged, DEFAULT_LIMITS)).toBeNull();
    expect(loadYaml(merged, DEFAULT_LIMITS)).toStrictEqual({ base: { k: 1 }, child: { k: 2, j: 3 } });
    // An ampersand in a URL or in prose is no anchor.
    expect(mayNeedCarefulReader("url: https://x.test/?a=1&b=2\ntext: R&D, you & me\n")).toBe(false);
    expect(mayNeedCarefulReader("- [&a x, *a]\n")).toBe(true);
    // Tags but the binary ones, and directives; an exclamation mark in prose is no tag.
    expect(mayNeedCarefulReader("a: !!binary aGk=\nb: !binary |-\n  aGk=\nc: Hello! Hi!\n")).toBe(false);
    expect(mayNeedCarefulReader("v: !\n")).toBe(true);
    expect(loadYaml("v: !\n", DEFAULT_LIMITS)).toStrictEqual({ v: "" });
    expect(mayNeedCarefulReader("v: !!int 3\n")).toBe(true);
    // After a JSON-like key in a flow mapping, a value may follow the colon at once.
    expect(mayNeedCarefulReader('{"a":!!str x}\n')).toBe(true);
    expect(mayNeedCarefulReader('{"a":&x 1, "b": *x}\n')).toBe(true);
    expect(mayNeedCarefulReader("!!str x\n")).toBe(true);
    expect(mayNeedCarefulReader("v: x&y, z! !\n")).toBe(true);
    expect(mayNeedCarefulReader("v: x&y, z!\n")).toBe(false);
    expect(mayNeedCarefulReader("%YAML 1.1\n---\nv: 1\n")).toBe(true);
  });

  it("resolves plain scalars as the careful reader does, where js-yaml 4 alone would not", () => {
    for (const scalar of [
      "0b101",
      "-0",
      "0o17",
      "017",
      "0x1F",
      "1_000",
      ".inf",
      "-.Inf",
      ".NaN",
      "~",
      "yes",
      "Null",
    ]) {
      const text = `v: ${scalar}\n`;
      expect(loadPlainYaml(text, DEFAULT_LIMITS), scalar).toStrictEqual(
        loadYamlCarefully(text, DEFAULT_LIMITS).documents,
      );
    }
    expect(loadPlainYaml("v: 0b101\n", DEFAULT_LIMITS)).toStrictEqual([{ v: "0b101" }]);
    expect(Object.is(at(loadPlainYaml("v: -0\n", DEFAULT_LIMITS), 0, "v"), -0)).toBe(
      Object.is(at(loadYamlCarefully("v: -0\n", DEFAULT_LIMITS).documents, 0, "v"), -0),
    );
  });

  it("leaves failures and deep nesting to the careful reader, which says why", () => {
    const tagged = "a: !!python/object/apply:os.system ['true']\n";
    expect(loadPlainYaml(tagged, DEFAULT_LIMITS)).toBeNull();
    expect(() => loadYaml(tagged, DEFAULT_LIMITS)).toThrow(
      "the YAML uses the tag !!python/object/apply:os.system (line 1), which Tapedeck does not construct; it is not read",
    );
    const half = DEFAULT_LIMITS.maxDepth / 2;
    const deep = `${"[".repeat(half + 1)}${"]".repeat(half + 1)}\n`;
    expect(loadPlainYaml(deep, DEFAULT_LIMITS)).toBeNull();
    expect(loadYaml(deep, DEFAULT_LIMITS)).toStrictEqual(
      loadYamlCarefully(deep, DEFAULT_LIMITS).documents[0],
    );
    const shallow = `${"[".repeat(half - 2)}${"]".repeat(half - 2)}\n`;
    expect(loadPlainYaml(shallow, DEFAULT_LIMITS)).not.toBeNull();
  });
});
