import { describe, expect, it } from "vitest";
import { quoteDelta } from "./quote-delta";

describe("quoteDelta", () => {
  it("makes spaces and line breaks visible", () => {
    expect(quoteDelta(" Hello\n\tworld")).toEqual([
      { kind: "space", text: "·" },
      { kind: "text", text: "Hello" },
      { kind: "escape", text: "\\n\\t" },
      { kind: "text", text: "world" },
    ]);
  });
  it("escapes quotes, backslashes and invisible characters", () => {
    expect(
      quoteDelta('"a\\b"')
        .map((piece) => piece.text)
        .join(""),
    ).toBe('\\"a\\\\b\\"');
    expect(quoteDelta("a\u00a0b\u200bc")).toEqual([
      { kind: "text", text: "a" },
      { kind: "escape", text: "\\u00a0" },
      { kind: "text", text: "b" },
      { kind: "escape", text: "\\u200b" },
      { kind: "text", text: "c" },
    ]);
  });
  it("keeps other characters, including emoji", () => {
    expect(quoteDelta("héllo 👋")).toEqual([
      { kind: "text", text: "héllo" },
      { kind: "space", text: "·" },
      { kind: "text", text: "👋" },
    ]);
    expect(quoteDelta("")).toEqual([]);
  });
});
