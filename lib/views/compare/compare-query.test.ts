import { describe, expect, it } from "vitest";
import { compareHref } from "@/lib/urls";
import { gitSource, parseCompareQuery } from "./compare-query";

describe("parseCompareQuery", () => {
  it("reads the interaction on each side of a cassette pair, and links back to it", () => {
    const query = parseCompareQuery({ a: "HEAD~1:c.yaml", b: "c.yaml", ia: "2", ib: "3" });
    expect([query.ia, query.ib]).toEqual([2, 3]);
    expect(compareHref(query)).toBe("/compare?a=HEAD~1:c.yaml&b=c.yaml&ia=2&ib=3");
    expect(parseCompareQuery({ ia: "x", ib: "-1" })).toMatchObject({ ia: null, ib: null });
  });

  it("reads sources, flags and the timeline start", () => {
    expect(
      parseCompareQuery({
        a: " HEAD~1:x.json ",
        b: ["y.json", "z.json"],
        noise: "1",
        all: "true",
        chunk: "40",
      }),
    ).toEqual({
      a: "HEAD~1:x.json",
      b: "y.json",
      noise: true,
      all: true,
      chunk: 40,
      ia: null,
      ib: null,
    });
  });

  it("defaults missing or bad values", () => {
    expect(parseCompareQuery({ noise: "0", chunk: "-3" })).toEqual({
      a: "",
      b: "",
      noise: false,
      all: false,
      chunk: null,
      ia: null,
      ib: null,
    });
    expect(parseCompareQuery({ chunk: "1e9" }).chunk).toBeNull();
  });
});

describe("compareHref", () => {
  it("keeps revisions and paths readable, escapes the rest", () => {
    expect(compareHref({ a: gitSource("abc123^", "tests/r/a b.json"), b: "tests/r/x&y.json" })).toBe(
      "/compare?a=abc123^:tests/r/a%20b.json&b=tests/r/x%26y.json",
    );
  });

  it("adds only the flags that are on", () => {
    expect(compareHref({ a: "a.json", b: "b.json", noise: true, all: false, chunk: 0 })).toBe(
      "/compare?a=a.json&b=b.json&noise=1&chunk=0",
    );
    expect(compareHref({ a: "a.json", b: "b.json", chunk: null })).toBe("/compare?a=a.json&b=b.json");
  });

  it("round-trips through URLSearchParams", () => {
    const a = "HEAD~2:tests/integration/recordings/ä+#?.json";
    const url = new URL(compareHref({ a, b: "b.json" }), "http://x");
    expect(url.searchParams.get("a")).toBe(a);
  });
});
