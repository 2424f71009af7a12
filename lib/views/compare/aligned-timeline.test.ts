import { describe, expect, it } from "vitest";
import type { Chunk } from "@/lib/model/exchange";
import { alignedRows, timelineWindow } from "./aligned-timeline";

const chunk = (index: number, text: string): Chunk => ({
  index,
  deltas: [{ type: "text", choice: 0, text, range: { start: 0, end: text.length } }],
  raw: {},
});

describe("timelineWindow", () => {
  it("starts a few rows before the first divergence", () => {
    expect(timelineWindow(1399, 700, null, 60)).toEqual({
      from: 697,
      to: 757,
      total: 1399,
      previous: 637,
      next: 757,
    });
  });

  it("starts at the top without a divergence, and clamps a requested start", () => {
    expect(timelineWindow(10, null, null, 60)).toEqual({
      from: 0,
      to: 10,
      total: 10,
      previous: null,
      next: null,
    });
    expect(timelineWindow(100, 1, 5000, 60)).toEqual({
      from: 99,
      to: 100,
      total: 100,
      previous: 39,
      next: null,
    });
    expect(timelineWindow(0, null, null, 60)).toEqual({
      from: 0,
      to: 0,
      total: 0,
      previous: null,
      next: null,
    });
  });
});

describe("alignedRows", () => {
  it("puts chunk i of each stream side by side and marks the rows from the divergence on", () => {
    const a = [chunk(0, "Red"), chunk(1, ", yellow"), chunk(2, " and blue.")];
    const b = [chunk(0, "Red"), chunk(1, ", yellow and"), chunk(2, " blue."), chunk(3, "")];
    const rows = alignedRows(a, b, 1, { from: 0, to: 4 });
    expect(
      rows.map((row) => [row.index, row.a?.index ?? null, row.b?.index ?? null, row.diverged, row.first]),
    ).toEqual([
      [0, 0, 0, false, false],
      [1, 1, 1, true, true],
      [2, 2, 2, true, false],
      [3, null, 3, true, false],
    ]);
    expect(rows[1]?.b?.items).toEqual([{ type: "text", choice: 0, text: ", yellow and", start: 0, end: 12 }]);
  });

  it("builds only the rows of the window", () => {
    const a = Array.from({ length: 1000 }, (_, i) => chunk(i, `${i}`));
    const rows = alignedRows(a, a, null, { from: 500, to: 503 });
    expect(rows.map((row) => [row.index, row.a?.index, row.diverged])).toEqual([
      [500, 500, false],
      [501, 501, false],
      [502, 502, false],
    ]);
  });
});
