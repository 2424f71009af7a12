import { describe, expect, it } from "vitest";
import type { Chunk } from "@/lib/model/exchange";
import { CHUNK_WINDOW, chunkWindow, windowOfRange, windowSpans, windowStart } from "./chunk-window";

/** A stream of `count` chunks, each adding two characters of text; every 3rd also two of reasoning. */
function stream(count: number): Chunk[] {
  return Array.from({ length: count }, (_, i) => ({
    index: i,
    deltas: [
      { type: "text" as const, choice: 0, text: "ab", range: { start: 2 * i, end: 2 * i + 2 } },
      ...(i % 3 === 0
        ? [
            {
              type: "reasoning" as const,
              choice: 0,
              text: "hm",
              range: { start: (2 * i) / 3, end: (2 * i) / 3 + 2 },
            },
          ]
        : []),
    ],
    raw: { line: i },
  }));
}

describe("windowStart", () => {
  it("aligns positions to the window size", () => {
    expect(windowStart(0, 10)).toBe(0);
    expect(windowStart(9, 10)).toBe(0);
    expect(windowStart(10, 10)).toBe(10);
    expect(windowStart(90_000)).toBe(90_000);
    expect(windowStart(90_999)).toBe(90_000);
    expect(windowStart(-5, 10)).toBe(0);
  });
});

describe("chunkWindow", () => {
  it("sends every row of a stream that fits one window", () => {
    const window = chunkWindow(stream(7));
    expect(window).toMatchObject({ start: 0, end: 7, total: 7, size: CHUNK_WINDOW });
    expect(window.rows.map((row) => row.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("of a long stream, sends only the window holding the asked chunk", () => {
    const chunks = stream(25);
    const first = chunkWindow(chunks, 0, 10);
    expect([first.start, first.end, first.total, first.rows.length]).toEqual([0, 10, 25, 10]);
    const middle = chunkWindow(chunks, 17, 10);
    expect([middle.start, middle.end]).toEqual([10, 20]);
    expect(middle.rows.map((row) => row.index)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(middle.rows[7]?.items).toEqual([{ type: "text", choice: 0, text: "ab", start: 34, end: 36 }]);
    const last = chunkWindow(chunks, 24, 10);
    expect([last.start, last.end]).toEqual([20, 25]);
    expect(last.rows.map((row) => row.index)).toEqual([20, 21, 22, 23, 24]);
  });

  it("finds a chunk by its number, and falls back to the first window for an unknown one", () => {
    const renumbered = stream(25).map((chunk) => ({ ...chunk, index: chunk.index + 100 }));
    expect(chunkWindow(renumbered, 117, 10).rows[0]?.index).toBe(110);
    expect(chunkWindow(renumbered, 5, 10).start).toBe(0);
    expect(chunkWindow(stream(25), 99_999, 10).start).toBe(0);
  });

  it("a window of 100,000 chunks carries one window's rows", () => {
    const window = chunkWindow(stream(100_000), 90_000);
    expect([window.start, window.end, window.total, window.rows.length]).toEqual([
      90_000, 91_000, 100_000, 1000,
    ]);
    expect(window.rows[0]?.index).toBe(90_000);
  });
});

describe("windowSpans and windowOfRange", () => {
  it("are empty for a stream that fits one window", () => {
    expect(windowSpans(stream(10), 10)).toEqual([]);
  });

  it("give each window the characters its chunks filled, per field", () => {
    const spans = windowSpans(stream(25), 10);
    expect(spans).toEqual([
      [
        { field: "0:content", start: 0, end: 20 },
        { field: "0:reasoning", start: 0, end: 8 },
      ],
      [
        { field: "0:content", start: 20, end: 40 },
        { field: "0:reasoning", start: 8, end: 14 },
      ],
      [
        { field: "0:content", start: 40, end: 50 },
        { field: "0:reasoning", start: 14, end: 18 },
      ],
    ]);
    expect(windowOfRange(spans, { field: "0:content", start: 25, end: 30 })).toBe(1);
    expect(windowOfRange(spans, { field: "0:content", start: 19, end: 45 })).toBe(0);
    expect(windowOfRange(spans, { field: "0:reasoning", start: 15, end: 16 })).toBe(2);
    expect(windowOfRange(spans, { field: "0:content", start: 50, end: 60 })).toBeNull();
    expect(windowOfRange(spans, { field: "1:content", start: 0, end: 5 })).toBeNull();
    expect(windowOfRange(spans, { field: "0:content", start: 5, end: 5 })).toBeNull();
  });
});
