import { describe, expect, it } from "vitest";
import { matchHref } from "@/lib/urls";
import { parseMatchQuery } from "./match-query";

describe("the match page's URL", () => {
  it("reads the paste id and the comparison asked for", () => {
    expect(parseMatchQuery({ id: " 0123456789abcdef01234567 ", compare: "1.4" })).toEqual({
      id: "0123456789abcdef01234567",
      compare: { answer: 1, candidate: 4 },
    });
    expect(parseMatchQuery({ id: ["a", "b"], compare: "x.1" })).toEqual({ id: "a", compare: null });
    expect(parseMatchQuery({})).toEqual({ id: "", compare: null });
  });

  it("links a paste, and one comparison of it anchored at the comparison", () => {
    expect(matchHref("0123456789abcdef01234567")).toBe("/match?id=0123456789abcdef01234567");
    expect(matchHref("0123456789abcdef01234567", { answer: 0, candidate: 2 })).toBe(
      "/match?id=0123456789abcdef01234567&compare=0.2#request-compare",
    );
  });
});
