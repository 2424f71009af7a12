import { describe, expect, it } from "vitest";
import { rawJsonText, splitForHighlight } from "./raw-json";

describe("rawJsonText", () => {
  it("keeps a laid-out file as written", () => {
    const text = '{\n  "a": 1.0\n}\n';
    expect(rawJsonText(text, { a: 1 })).toBe('{\n  "a": 1.0\n}');
  });
  it("pretty-prints a one-line file", () => {
    expect(rawJsonText('{"a":[1,2]}', { a: [1, 2] })).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
  });
  it("drops a byte order mark", () => {
    expect(rawJsonText('\ufeff{\n"a": 1\n}', { a: 1 })).toBe('{\n"a": 1\n}');
  });
});

describe("splitForHighlight", () => {
  it("keeps a short text whole", () => {
    expect(splitForHighlight("a\nb", 10, 5)).toEqual({
      head: "a\nb",
      complete: true,
      totalLines: 2,
      headLines: 2,
    });
  });
  it("cuts a long text at a line end within the head size", () => {
    const text = ["aaaa", "bbbb", "cccc", "dddd"].join("\n");
    expect(splitForHighlight(text, 10, 12)).toEqual({
      head: "aaaa\nbbbb",
      complete: false,
      totalLines: 4,
      headLines: 2,
    });
  });
  it("cuts a first line longer than the head size", () => {
    const split = splitForHighlight("x".repeat(50), 10, 8);
    expect(split.head).toBe("x".repeat(8));
    expect(split.complete).toBe(false);
  });
});
