import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/recording/decode";
import {
  MAX_JSON_DEPTH,
  mayNestDeeperThan,
  nestsDeeperThan,
  parseBoundedJson,
  valueDeeperThan,
} from "./json-depth";

const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

describe("deeply nested JSON", () => {
  it("is refused before parsing, with a clear reason, at 100,000 levels", () => {
    const decoded = decodeText(`{"request": {"body": ${nested(100_000)}}, "response": {"body": {}}}`);
    expect(decoded).toMatchObject({
      ok: false,
      kind: "too-deep",
      reason: `the JSON nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; it is not parsed`,
    });
  });

  it("also when the file is not even valid JSON (the error finder would recurse too)", () => {
    expect(decodeText(`{"a": ${"[".repeat(100_000)}`)).toMatchObject({ ok: false, kind: "too-deep" });
  });

  it("counts only structure, not brackets inside strings, escaped quotes included", () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan(`{"a": "[[[[[[", "b": "\\"[[[[[["}`, 1)).toBe(false);
    expect(nestsDeeperThan(`["\\\\", [[1]]]`, 2)).toBe(true);
    expect(nestsDeeperThan(`"unterminated [[[[`, 1)).toBe(false);
  });

  it("a text too short to nest deeper than the limit is not walked, and the bound is exact", () => {
    // One level past the limit is the shortest text that is too deep: 2 × 257 characters.
    expect(nested(MAX_JSON_DEPTH + 1)).toHaveLength(2 * (MAX_JSON_DEPTH + 1));
    expect(mayNestDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(() => parseBoundedJson(nested(MAX_JSON_DEPTH + 1))).toThrow("more than 256 levels deep");
    expect(mayNestDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(parseBoundedJson(nested(MAX_JSON_DEPTH))).toBeInstanceOf(Array);
  });

  it("parseBoundedJson throws a SyntaxError for too deep a value, and parses the rest", () => {
    expect(() => parseBoundedJson(nested(100_000))).toThrow(SyntaxError);
    expect(() => parseBoundedJson(nested(100_000))).toThrow("more than 256 levels deep");
    expect(parseBoundedJson('{"a": [1, "]]]"]}')).toEqual({ a: [1, "]]]"] });
    expect(() => parseBoundedJson("{")).toThrow(SyntaxError);
  });

  it("leaves ordinary recordings alone", () => {
    const decoded = decodeText(`{"request": {"body": ${nested(50)}}, "response": {"body": {}}}`);
    expect(decoded.ok ? "decoded" : decoded.kind).not.toBe("too-deep");
  });
});

describe("valueDeeperThan", () => {
  it("measures the nesting of a parsed value, however deep it is", () => {
    expect(valueDeeperThan(JSON.parse(nested(3)), 3)).toBe(false);
    expect(valueDeeperThan(JSON.parse(nested(4)), 3)).toBe(true);
    expect(valueDeeperThan({ a: "[[[[[[", b: [1, [2]] }, 3)).toBe(false);
    expect(valueDeeperThan({ a: "[[[[[[", b: [1, [2]] }, 2)).toBe(true);
    expect(valueDeeperThan("[[[", 0)).toBe(false);
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect(valueDeeperThan(deep, MAX_JSON_DEPTH)).toBe(true);
    // Objects are walked like arrays, their keys included whatever they are named.
    const objects = JSON.parse(`${'{"__proto__":'.repeat(300)}1${"}".repeat(300)}`);
    expect(valueDeeperThan(objects, 299)).toBe(true);
    expect(valueDeeperThan(objects, 300)).toBe(false);
  });

  it("walks with a stack of its own past the limit it recurses to", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect(valueDeeperThan(deep, 50_000)).toBe(true);
    expect(valueDeeperThan(deep, 100_000)).toBe(false);
    expect(valueDeeperThan(JSON.parse(`[{"a":[${nested(2)}]}]`), 5_000)).toBe(false);
  });
});
