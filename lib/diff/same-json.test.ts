import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameJson } from "./same-json";

const stringified = (x: unknown, y: unknown) => {
  try {
    return JSON.stringify(x) === JSON.stringify(y);
  } catch {
    return false;
  }
};

describe("sameJson", () => {
  it("says what comparing the two JSON texts says", () => {
    const value = fc.anything({
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
    });
    fc.assert(
      fc.property(value, value, (x, y) => {
        expect(sameJson(x, y)).toBe(stringified(x, y));
        expect(sameJson(x, structuredClone(x))).toBe(stringified(x, structuredClone(x)));
      }),
      { numRuns: 2000 },
    );
  });

  it("counts key order, and writes what JSON leaves out the way JSON does", () => {
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([undefined, () => 1], [null, null])).toBe(true);
    expect(sameJson([Number.NaN], [Number.POSITIVE_INFINITY])).toBe(true);
    expect(sameJson({ n: Number.NaN }, { n: null })).toBe(true);
    expect(sameJson(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(sameJson(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(sameJson(new Date(5), new Date(5))).toBe(true);
    expect(sameJson(new Date(5), "1970-01-01T00:00:00.005Z")).toBe(true);
    expect(sameJson({ big: 1n }, { big: 1n })).toBe(false);
  });

  it("stops at the first difference of two large interactions", () => {
    const body = "x".repeat(1_000_000);
    expect(sameJson({ id: 0, body }, { id: 1, body })).toBe(false);
    expect(sameJson({ id: 0, body }, { id: 0, body: `${body}y` })).toBe(false);
    expect(sameJson({ id: 0, body }, { id: 0, body: `${body}` })).toBe(true);
  });

  it("hands a cycle to JSON.stringify, which refuses it", () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(sameJson(cycle, cycle)).toBe(false);
    const other: Record<string, unknown> = { a: 1 };
    other.self = other;
    expect(sameJson(cycle, other)).toBe(false);
  });
});
