import { describe, expect, it } from "vitest";
import { capBlocks, lineDiff, type DiffBlock } from "./line-diff";

const text = (lines: string[]) => `${lines.join("\n")}\n`;
const numbered = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${from + i}`);

function ok(result: ReturnType<typeof lineDiff>): DiffBlock[] {
  if (!result.ok) throw new Error(result.reason);
  return result.blocks;
}

describe("lineDiff", () => {
  it("collapses one unchanged text to a single skip", () => {
    expect(ok(lineDiff(text(numbered(50)), text(numbered(50))))).toEqual([
      { type: "skip", count: 50, fromA: 1, fromB: 1 },
    ]);
  });

  it("keeps context around a change and collapses the long unchanged stretches", () => {
    const before = numbered(40);
    const after = [...before];
    after[19] = "changed";
    const blocks = ok(lineDiff(text(before), text(after), 2));
    expect(blocks.map((block) => block.type)).toEqual(["skip", "same", "change", "same", "skip"]);
    expect(blocks[0]).toEqual({ type: "skip", count: 17, fromA: 1, fromB: 1 });
    expect(blocks[1]).toEqual({
      type: "same",
      lines: [
        { a: 18, b: 18, text: "line 18" },
        { a: 19, b: 19, text: "line 19" },
      ],
    });
    expect(blocks[2]).toEqual({
      type: "change",
      removed: [{ a: 20, b: null, text: "line 20" }],
      added: [{ a: null, b: 20, text: "changed" }],
    });
    expect(blocks[4]).toEqual({ type: "skip", count: 18, fromA: 23, fromB: 23 });
  });

  it("keeps a short unchanged stretch between two changes whole", () => {
    const before = numbered(10);
    const after = [...before];
    after[2] = "x";
    after[6] = "y";
    const blocks = ok(lineDiff(text(before), text(after), 2));
    expect(blocks.map((block) => block.type)).toEqual(["same", "change", "same", "change", "same"]);
    const middle = blocks[2];
    expect(middle?.type === "same" && middle.lines.map((line) => line.a)).toEqual([4, 5, 6]);
  });

  it("numbers lines on each side when lines are added", () => {
    const blocks = ok(lineDiff(text(["a", "b"]), text(["a", "new", "b"]), 3));
    expect(blocks).toEqual([
      { type: "same", lines: [{ a: 1, b: 1, text: "a" }] },
      { type: "change", removed: [], added: [{ a: null, b: 2, text: "new" }] },
      { type: "same", lines: [{ a: 2, b: 3, text: "b" }] },
    ]);
  });
});

describe("lineDiff limits", () => {
  it("gives up, with a reason, on texts with too many changed lines", () => {
    const result = lineDiff(text(numbered(50)), text(numbered(50, 100)), 3, 20);
    expect(result).toEqual({
      ok: false,
      reason: "the two texts differ in more than 20 lines: too many for a line diff",
    });
    expect(lineDiff(text(numbered(5)), text(numbered(5, 100)), 3, 20).ok).toBe(true);
  });
});

describe("capBlocks", () => {
  const change = (n: number): DiffBlock => ({
    type: "change",
    removed: numbered(n).map((text, i) => ({ a: i + 1, b: null, text })),
    added: numbered(n).map((text, i) => ({ a: null, b: i + 1, text })),
  });

  it("keeps everything under the cap", () => {
    const blocks = [change(2), { type: "skip", count: 100, fromA: 3, fromB: 3 } as const, change(2)];
    expect(capBlocks(blocks, 10)).toEqual({ blocks, hiddenLines: 0 });
  });

  it("cuts a long change, keeping both sides, and counts what is left out", () => {
    const { blocks, hiddenLines } = capBlocks([change(100), change(3)], 10);
    expect(blocks).toHaveLength(1);
    const cut = blocks[0];
    expect(cut?.type === "change" && [cut.removed.length, cut.added.length]).toEqual([5, 5]);
    expect(hiddenLines).toBe(190 + 6);
  });

  it("stops at the first block that does not fit", () => {
    const skip = { type: "skip", count: 5, fromA: 1, fromB: 1 } as const;
    const { blocks, hiddenLines } = capBlocks([change(3), change(3), skip, change(1)], 7);
    expect(blocks.map((block) => block.type)).toEqual(["change", "change"]);
    expect(hiddenLines).toBe(5 + 2);
  });
});
