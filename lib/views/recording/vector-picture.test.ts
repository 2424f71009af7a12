import { describe, expect, it } from "vitest";
import { vectorPicture } from "./vector-picture";

describe("vectorPicture", () => {
  it("keeps short vectors one bar per value", () => {
    expect(vectorPicture([0.5, -0.25, 1])).toEqual({
      bars: [
        { min: 0.5, max: 0.5 },
        { min: -0.25, max: -0.25 },
        { min: 1, max: 1 },
      ],
      low: -0.25,
      high: 1,
    });
  });
  it("buckets long vectors, keeping their extremes", () => {
    const values = Array.from({ length: 768 }, (_, i) => (i === 100 ? 3 : i === 700 ? -2 : 0.1));
    const picture = vectorPicture(values, 192);
    expect(picture.bars).toHaveLength(192);
    expect(picture.high).toBe(3);
    expect(picture.low).toBe(-2);
    expect(picture.bars[25]).toEqual({ min: 0.1, max: 3 });
  });
  it("draws nothing for an empty or non-finite vector, and always includes zero", () => {
    expect(vectorPicture([])).toEqual({ bars: [], low: 0, high: 0 });
    expect(vectorPicture([Number.NaN])).toEqual({ bars: [], low: 0, high: 0 });
    expect(vectorPicture([2, 3]).low).toBe(0);
  });
});
