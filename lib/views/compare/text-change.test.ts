import { describe, expect, it } from "vitest";
import { changeView, textDiff } from "./text-change";

describe("changeView", () => {
  it("word-diffs prose", () => {
    const view = changeView({
      path: "request.body.messages[0].content",
      kind: "changed",
      before: "Name three primary colors.",
      after: "Name three secondary colors.",
    });
    expect(view.type).toBe("text");
    expect(view.type === "text" && view.parts.filter((part) => part.added || part.removed)).toEqual([
      { value: "primary", added: false, removed: true },
      { value: "secondary", added: true, removed: false },
    ]);
  });

  it("shows identifiers and other values as JSON, before and after", () => {
    expect(
      changeView({ path: "request.body.model", kind: "changed", before: "gpt-4o", after: "gpt-4o-mini" }),
    ).toEqual({
      type: "values",
      before: '"gpt-4o"',
      after: '"gpt-4o-mini"',
    });
    expect(
      changeView({ path: "request.body.tools[1]", kind: "added", before: undefined, after: { name: "t" } }),
    ).toEqual({
      type: "values",
      before: null,
      after: '{\n  "name": "t"\n}',
    });
  });
});

describe("textDiff", () => {
  it("diffs long texts by line", () => {
    const line = "word ".repeat(20);
    const before = `${line}\n`.repeat(300);
    const after = `${before}one more line\n`;
    const parts = textDiff(before, after);
    expect(parts).toEqual([
      { value: before, added: false, removed: false },
      { value: "one more line\n", added: true, removed: false },
    ]);
  });
});
