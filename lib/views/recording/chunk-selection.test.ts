import { describe, expect, it } from "vitest";
import {
  buildRangeIndex,
  chunkFromHash,
  chunksForRange,
  rangesOfChunk,
  splitAtRange,
} from "./chunk-selection";
import type { TimelineRow } from "./stream-timeline";

const text = (index: number, start: number, value: string, choice = 0): TimelineRow => ({
  index,
  kind: "text",
  items: [{ type: "text", choice, text: value, start, end: start + value.length }],
});

// "Hello world!" in chunks: "" | "Hello" | " wor" | "ld" | "!" ; a tool call in chunk 5; choice 1 in chunk 6.
const rows: TimelineRow[] = [
  text(0, 0, ""),
  text(1, 0, "Hello"),
  text(2, 5, " wor"),
  text(3, 9, "ld"),
  text(4, 11, "!"),
  {
    index: 5,
    kind: "tool-call",
    items: [
      { type: "tool-call", choice: 0, toolIndex: 0, id: "c", name: "f", arguments: "{}", start: 0, end: 2 },
    ],
  },
  text(6, 0, "Bonjour", 1),
];
const index = buildRangeIndex(rows);

describe("rangesOfChunk", () => {
  it("skips empty deltas", () => {
    expect(rangesOfChunk(rows[0]!)).toEqual([]);
  });
  it("names the field of each range", () => {
    expect(rangesOfChunk(rows[2]!)).toEqual([{ field: "0:content", start: 5, end: 9 }]);
    expect(rangesOfChunk(rows[5]!)).toEqual([{ field: "0:tool:0", start: 0, end: 2 }]);
  });
});

describe("chunksForRange", () => {
  it("finds the chunks behind a selection", () => {
    expect(chunksForRange(index, { field: "0:content", start: 0, end: 12 })).toEqual([1, 2, 3, 4]);
    expect(chunksForRange(index, { field: "0:content", start: 4, end: 6 })).toEqual([1, 2]);
    expect(chunksForRange(index, { field: "0:content", start: 9, end: 10 })).toEqual([3]);
  });
  it("treats range ends as exclusive", () => {
    expect(chunksForRange(index, { field: "0:content", start: 5, end: 9 })).toEqual([2]);
  });
  it("keeps fields and choices apart", () => {
    expect(chunksForRange(index, { field: "0:tool:0", start: 0, end: 1 })).toEqual([5]);
    expect(chunksForRange(index, { field: "1:content", start: 0, end: 3 })).toEqual([6]);
    expect(chunksForRange(index, { field: "0:reasoning", start: 0, end: 3 })).toEqual([]);
  });
  it("finds nothing for an empty or out-of-text selection", () => {
    expect(chunksForRange(index, { field: "0:content", start: 3, end: 3 })).toEqual([]);
    expect(chunksForRange(index, { field: "0:content", start: 50, end: 60 })).toEqual([]);
  });
  it("is the inverse of rangesOfChunk", () => {
    for (const row of rows) {
      for (const range of rangesOfChunk(row)) expect(chunksForRange(index, range)).toEqual([row.index]);
    }
  });
  it("stays fast on long streams", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => text(i, i * 3, "abc"));
    const big = buildRangeIndex(many);
    expect(chunksForRange(big, { field: "0:content", start: 30_001, end: 30_007 })).toEqual([
      10_000, 10_001, 10_002,
    ]);
  });
});

describe("chunkFromHash", () => {
  it("reads #chunk-N only", () => {
    expect(chunkFromHash("#chunk-42")).toBe(42);
    expect(chunkFromHash("#chunk-0")).toBe(0);
    expect(chunkFromHash("#chunk-")).toBeNull();
    expect(chunkFromHash("#chunk-4x")).toBeNull();
    expect(chunkFromHash("")).toBeNull();
  });
});

describe("splitAtRange", () => {
  it("splits and clamps", () => {
    expect(splitAtRange("Hello world", 6, 11)).toEqual(["Hello ", "world", ""]);
    expect(splitAtRange("abc", 2, 10)).toEqual(["ab", "c", ""]);
    expect(splitAtRange("abc", 5, 9)).toEqual(["abc", "", ""]);
  });
});
