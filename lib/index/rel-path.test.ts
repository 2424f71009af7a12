import { describe, expect, it } from "vitest";
import { relPathFromSegments, relPathFromUrlSegments } from "./rel-path";

describe("relPathFromSegments", () => {
  it("joins ordinary segments with slashes", () => {
    expect(relPathFromSegments(["tests", "integration", "recordings", "abc.json"])).toBe(
      "tests/integration/recordings/abc.json",
    );
    expect(relPathFromSegments(["abc.json"])).toBe("abc.json");
    expect(relPathFromSegments(["..abc.json"])).toBe("..abc.json");
    expect(relPathFromSegments(["a b", "é.json"])).toBe("a b/é.json");
  });

  it("refuses anything that could step out of the root", () => {
    expect(relPathFromSegments([])).toBeNull();
    expect(relPathFromSegments([".."])).toBeNull();
    expect(relPathFromSegments(["a", "..", "b.json"])).toBeNull();
    expect(relPathFromSegments(["."])).toBeNull();
    expect(relPathFromSegments(["a", ".", "b.json"])).toBeNull();
    expect(relPathFromSegments(["a", "", "b.json"])).toBeNull();
    expect(relPathFromSegments([""])).toBeNull();
    expect(relPathFromSegments(["a/../../etc", "passwd"])).toBeNull();
    expect(relPathFromSegments(["a\\..\\b.json"])).toBeNull();
    expect(relPathFromSegments(["a\0.json"])).toBeNull();
  });
});

describe("relPathFromUrlSegments", () => {
  it("decodes escapes before joining", () => {
    expect(relPathFromUrlSegments(["sub%20dir", "caf%C3%A9.json"])).toBe("sub dir/café.json");
  });

  it("refuses encoded dots, slashes, back-slashes and NUL", () => {
    expect(relPathFromUrlSegments(["%2e%2e", "etc", "passwd"])).toBeNull();
    expect(relPathFromUrlSegments(["%2E%2E"])).toBeNull();
    expect(relPathFromUrlSegments(["%2e"])).toBeNull();
    expect(relPathFromUrlSegments(["..%2f..%2fetc", "passwd"])).toBeNull();
    expect(relPathFromUrlSegments(["a%2Fb.json"])).toBeNull();
    expect(relPathFromUrlSegments(["a%5cb.json"])).toBeNull();
    expect(relPathFromUrlSegments(["a%00.json"])).toBeNull();
    expect(relPathFromUrlSegments([""])).toBeNull();
    expect(relPathFromUrlSegments([])).toBeNull();
  });

  it("refuses a malformed escape", () => {
    expect(relPathFromUrlSegments(["%E0%A4%A.json"])).toBeNull();
    expect(relPathFromUrlSegments(["%"])).toBeNull();
  });
});
