import { describe, expect, it } from "vitest";
import { sampleChange, sampleReview } from "./fixtures/sample-review";
import { reviewHtml } from "./html";
import { MARKDOWN_LIMIT, reviewMarkdown } from "./markdown";
import { reviewJson } from "./review-json";
import type { ReviewChange, ReviewInteraction } from "./review-types";

/** A re-recorded cassette of `n` calls: the first reply changed, the rest only headers and ids. */
function cassette(i: number, n: number): ReviewChange {
  const interactions: ReviewInteraction[] = Array.from({ length: n }, (_, k) => ({
    a: k,
    b: k,
    verdict: k === 0 ? "response" : "noise",
    summary:
      k === 0 ? "response: choices[0].content: Paris. → Paris, France." : "noise only: 3 volatile fields",
  }));
  return sampleChange({
    path: `tests/cassettes/test_geo/test_capital_${String(i).padStart(3, "0")}.yaml`,
    testId: `tests/test_geo.py::test_capital_${i}`,
    suite: "test_geo",
    verdict: "response",
    summary: `${n} interactions: 1 response, ${n - 1} noise; #0 response: choices[0].content: Paris. → Paris, France.`,
    request: [],
    response: [{ path: "choices[0].content", kind: "changed", before: "Paris.", after: "Paris, France." }],
    noise: [
      {
        path: "response.headers.date[0]",
        kind: "changed",
        before: "Mon",
        after: "Tue",
        rule: "response-date",
      },
    ],
    text: { before: "Paris.", after: "Paris, France." },
    interactions,
  });
}

describe("reports of a pull request of several hundred cassettes", () => {
  const review = sampleReview(Array.from({ length: 400 }, (_, i) => cassette(i, 6)));

  it("the markdown comment stays under its limit and links each change shown to the dashboard", () => {
    const markdown = reviewMarkdown(review, { linkBase: "https://tapedeck.example.com" });
    expect(Buffer.byteLength(markdown, "utf8")).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdown).toContain(
      "[compare](<https://tapedeck.example.com/compare?a=origin/main:tests/cassettes/test_geo/test_capital_000.yaml&b=feature:tests/cassettes/test_geo/test_capital_000.yaml>)",
    );
    expect(markdown).toMatch(/more changes? to look at left out to keep this comment under 60 KB/);
  });

  it("the HTML report holds every cassette within a few hundred KB", () => {
    const html = reviewHtml(review, { linkBase: "https://tapedeck.example.com" });
    expect(Buffer.byteLength(html, "utf8")).toBeLessThan(1_500_000);
    expect(html).toContain("test_capital_399.yaml");
    expect(html).toContain("6 interactions: 1 response, 5 noise");
  });

  it("the JSON lists each cassette's interaction pairs", () => {
    const json = reviewJson(review);
    expect(json.changes).toHaveLength(400);
    expect(json.changes[0]?.interactions).toEqual([
      { a: 0, b: 0, verdict: "response" },
      { a: 1, b: 1, verdict: "noise" },
      { a: 2, b: 2, verdict: "noise" },
      { a: 3, b: 3, verdict: "noise" },
      { a: 4, b: 4, verdict: "noise" },
      { a: 5, b: 5, verdict: "noise" },
    ]);
  });
});
