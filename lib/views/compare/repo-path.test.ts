import { describe, expect, it } from "vitest";
import { rootRelativePath } from "./repo-path";

describe("rootRelativePath", () => {
  it("strips the root's prefix", () => {
    expect(rootRelativePath("recordings/tests/a.json", "recordings/")).toBe("tests/a.json");
    expect(rootRelativePath("recordings/tests/a.json", "recordings")).toBe("tests/a.json");
  });

  it("keeps the path when the root is the repository top", () => {
    expect(rootRelativePath("tests/a.json", "")).toBe("tests/a.json");
  });

  it("gives null outside the root", () => {
    expect(rootRelativePath("other/tests/a.json", "recordings/")).toBeNull();
    expect(rootRelativePath("recordings-old/a.json", "recordings/")).toBeNull();
    expect(rootRelativePath("recordings/", "recordings/")).toBeNull();
    expect(rootRelativePath("recordings/../a.json", "recordings/")).toBeNull();
  });
});
