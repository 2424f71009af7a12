import { beforeEach, describe, expect, it, vi } from "vitest";

const lookups: string[] = [];
let failNext = false;

vi.mock("@/lib/index/root-source", () => ({
  rootRepository: (root: string) => {
    lookups.push(root);
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error("git: not found"));
    }
    return Promise.resolve(root === "/plain" ? null : { top: "/repo", prefix: `${root.slice(6)}/` });
  },
}));

const { reviewRepository } = await import("./review-repository");

describe("reviewRepository", () => {
  beforeEach(() => {
    lookups.length = 0;
  });

  it("asks git once per root, and keeps a root outside git as null", async () => {
    expect(await reviewRepository("/repo/recordings")).toEqual({ top: "/repo", prefix: "recordings/" });
    expect(await reviewRepository("/repo/recordings")).toEqual({ top: "/repo", prefix: "recordings/" });
    expect(await reviewRepository("/plain")).toBeNull();
    expect(await reviewRepository("/plain")).toBeNull();
    expect(lookups).toEqual(["/repo/recordings", "/plain"]);
  });

  it("asks again after a failed lookup", async () => {
    failNext = true;
    await expect(reviewRepository("/repo/tests")).rejects.toThrow("git: not found");
    expect(await reviewRepository("/repo/tests")).toEqual({ top: "/repo", prefix: "tests/" });
    expect(lookups).toEqual(["/repo/tests", "/repo/tests"]);
  });
});
