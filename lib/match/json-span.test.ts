import { describe, expect, it } from "vitest";
import { topLevelSpans } from "./json-span";

describe("topLevelSpans", () => {
  const text = `{
  "test_id": "t::a[\\"x\\"]",
  "request": {"method": "POST", "body": {"s": "}{]\\\\", "n": [1, 2.50, {"k": null}]}},
  "response": {"body": [1, 2, 3]}
}`;

  it("finds the text of top-level values, strings and nesting skipped", () => {
    const spans = topLevelSpans(text, ["test_id", "request"]);
    const read = (key: string) => {
      const span = spans?.get(key);
      return span ? text.slice(span.start, span.end) : null;
    };
    expect(read("test_id")).toBe('"t::a[\\"x\\"]"');
    expect(read("request")).toBe('{"method": "POST", "body": {"s": "}{]\\\\", "n": [1, 2.50, {"k": null}]}}');
  });

  it("reads numbers and literals, and says which keys are absent", () => {
    const spans = topLevelSpans('{"a": 12.5e3, "b": true, "c": null}', ["a", "c", "z"]);
    expect(spans && [...spans.entries()]).toEqual([
      ["a", { start: 6, end: 12 }],
      ["c", { start: 30, end: 34 }],
    ]);
  });

  it("refuses what is not an object of that shape", () => {
    expect(topLevelSpans("[1, 2]", ["a"])).toBeNull();
    expect(topLevelSpans('{"a": [1, 2', ["a"])).toBeNull();
    expect(topLevelSpans('{"a" 1}', ["a"])).toBeNull();
  });
});
