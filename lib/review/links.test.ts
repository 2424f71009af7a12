import { describe, expect, it } from "vitest";
import { sampleChange, sampleReview } from "./fixtures/sample-review";
import { changeHref, compareHref, parseLinkBase, reviewHref } from "./links";
import { filterChanges, parseReviewFilters } from "./review-view";

const revs = { base: "origin/main", head: "HEAD~1" };

describe("compareHref", () => {
  it("compares the old path at base with the new path at head, relative to the root", () => {
    const change = { status: "renamed" as const, path: "repo/rec/b x.json", oldPath: "repo/rec/a&b.json" };
    expect(compareHref(change, revs, "repo/")).toBe(
      "/compare?a=origin/main:rec/a%26b.json&b=HEAD~1:rec/b%20x.json",
    );
    expect(compareHref(change, revs, "other/")).toBeNull();
  });

  it("compares an added or removed file with itself, and the working tree by plain path", () => {
    expect(compareHref({ status: "added", path: "r/new.json", oldPath: null }, revs)).toBe(
      "/compare?a=HEAD~1:r/new.json&b=HEAD~1:r/new.json",
    );
    expect(compareHref({ status: "removed", path: "r/old.json", oldPath: null }, revs)).toBe(
      "/compare?a=origin/main:r/old.json&b=origin/main:r/old.json",
    );
    expect(
      compareHref(
        { status: "modified", path: "r/x.json", oldPath: null },
        { base: "v1^", head: "working tree" },
      ),
    ).toBe("/compare?a=v1^:r/x.json&b=r/x.json");
  });

  it("opens a new recording's own page when the index holds it", () => {
    const added = { status: "added" as const, path: "repo/rec/new.json", oldPath: null };
    expect(changeHref(added, revs, "repo/", (rel) => rel === "rec/new.json")).toBe(
      "/recordings/rec/new.json",
    );
    expect(changeHref(added, revs, "repo/", () => false)).toBe(
      "/compare?a=HEAD~1:rec/new.json&b=HEAD~1:rec/new.json",
    );
  });
});

describe("reviewHref and parseLinkBase", () => {
  it("leaves the head out for the working tree and keeps filters", () => {
    expect(reviewHref("main", "working tree", { verdict: "response", suite: "" })).toBe(
      "/review?base=main&verdict=response",
    );
    expect(reviewHref("main", "f/x", { group: "a → b & c" })).toBe(
      "/review?base=main&head=f/x&group=a%20%E2%86%92%20b%20%26%20c",
    );
  });

  it("accepts http(s) addresses only, without a trailing slash", () => {
    expect(parseLinkBase("https://td.example/app/")).toBe("https://td.example/app");
    expect(parseLinkBase("http://localhost:3000")).toBe("http://localhost:3000");
    expect(parseLinkBase("javascript:alert(1)")).toBeNull();
    expect(parseLinkBase("https://td.example/?x=1")).toBeNull();
    expect(parseLinkBase("not a url")).toBeNull();
  });
});

describe("review filters", () => {
  it("parses the URL's filters, ignoring unknown verdicts", () => {
    expect(parseReviewFilters({ verdict: "bogus", suite: ["agents", "x"], group: "" })).toEqual({
      verdict: null,
      suite: "agents",
      group: null,
    });
  });

  it("filters by verdict (or every substantive one), suite and group", () => {
    const review = sampleReview();
    const paths = (filters: Parameters<typeof parseReviewFilters>[0]) =>
      filterChanges(review, parseReviewFilters(filters)).map((c) => c.path.split("/").pop());
    expect(paths({ verdict: "request" })).toEqual(["m1.json", "m2.json"]);
    expect(paths({ verdict: "substantive" })).toHaveLength(5);
    expect(paths({ suite: "agents" })).toEqual(["gone.json"]);
    expect(paths({ group: review.groups[0]?.title, verdict: "response" })).toEqual([]);
    expect(paths({ group: review.groups[0]?.title })).toEqual(["m1.json", "m2.json"]);
    expect(paths({ group: "no such group" })).toEqual([]);
    expect(filterChanges(sampleReview([sampleChange()]), parseReviewFilters({}))).toHaveLength(1);
  });
});
