import { describe, expect, it } from "vitest";
import { sampleChange, sampleReview } from "@/lib/review/fixtures/sample-review";
import { changeHref } from "@/lib/review/links";
import {
  cardHref,
  cardKey,
  changeCardData,
  changeDetailsLabel,
  shownPath,
  shownStatus,
} from "./change-card-data";

const INF = "tests/integration/inference/recordings";

describe("changeCardData", () => {
  it("keeps what the card shows, relative to the root", () => {
    const change = sampleChange({
      path: `repo/${INF}/b.json`,
      status: "renamed",
      oldPath: `repo/${INF}/a.json`,
      pairedBy: "test",
    });
    const card = changeCardData(change, "repo/", () => false);
    expect(card).toEqual({
      path: `repo/${INF}/b.json`,
      oldPath: `repo/${INF}/a.json`,
      verdict: "response",
      status: "renamed",
      opens: "compare",
      summary: "response: choices[0].content: Hello → Goodbye",
      pairing: { verb: "renamed", by: "the same test id" },
      testId: "tests/integration/inference/test_chat.py::test_a",
      details: "Reply text",
    });
    expect(cardKey(card)).toBe(`repo/${INF}/a.json → repo/${INF}/b.json`);
    expect(shownPath(card.path, "repo/")).toBe(`${INF}/b.json`);
    expect(shownPath("other/x.json", "repo/")).toBe("other/x.json");
  });

  it("builds in the browser the same link the server would", () => {
    const review = sampleReview();
    const inIndex = (rel: string) => rel === `${INF}/new.json`;
    const hrefs = review.changes.map((change) => cardHref(changeCardData(change, "", inIndex), review, ""));
    expect(hrefs).toEqual(review.changes.map((change) => changeHref(change, review, "", inIndex)));
    expect(hrefs).toEqual([
      `/compare?a=origin/main:${INF}/m1.json&b=feature:${INF}/m1.json`,
      `/compare?a=origin/main:${INF}/m2-old.json&b=feature:${INF}/m2.json`,
      `/compare?a=origin/main:${INF}/a.json&b=feature:${INF}/a.json`,
      `/recordings/${INF}/new.json`,
      "/compare?a=origin/main:tests/integration/agents/recordings/gone.json&b=origin/main:tests/integration/agents/recordings/gone.json",
      `/compare?a=origin/main:${INF}/n.json&b=feature:${INF}/n.json`,
    ]);
  });

  it("agrees with the server's link when the root lies inside the repository", () => {
    const review = sampleReview();
    const changes = review.changes.map((change) => ({
      ...change,
      path: `repo/${change.path}`,
      oldPath: change.oldPath && `repo/${change.oldPath}`,
    }));
    const inIndex = (rel: string) => rel === `${INF}/new.json`;
    expect(
      changes.map((change) => cardHref(changeCardData(change, "repo/", inIndex), review, "repo/")),
    ).toEqual(changes.map((change) => changeHref(change, review, "repo/", inIndex)));
    expect(cardHref(changeCardData(changes[1]!, "repo/", inIndex), review, "repo/")).toBe(
      `/compare?a=origin/main:${INF}/m2-old.json&b=feature:${INF}/m2.json`,
    );
  });

  it("links nothing for a change outside the root, and the working tree by plain path", () => {
    const outside = changeCardData(sampleChange({ path: "other/x.json" }), "repo/", () => true);
    expect(outside).toMatchObject({ path: "other/x.json", opens: null });
    expect(cardHref(outside, { base: "main", head: "feature" }, "repo/")).toBeNull();
    const modified = changeCardData(sampleChange(), "", () => true);
    expect(cardHref(modified, { base: "main", head: "working tree" }, "")).toBe(
      `/compare?a=main:${INF}/a.json&b=${INF}/a.json`,
    );
  });

  it("shows the status only when it says more than the verdict", () => {
    expect(shownStatus({ status: "renamed", verdict: "response" })).toBe("renamed");
    expect(shownStatus({ status: "added", verdict: "added" })).toBeNull();
    expect(shownStatus({ status: "modified", verdict: "request" })).toBeNull();
  });
});

describe("changeDetailsLabel", () => {
  it("counts the changed fields beside the reply text, and is null when there is nothing more", () => {
    expect(changeDetailsLabel(sampleChange())).toBe("Reply text");
    const fields = sampleChange({
      text: null,
      request: [{ path: "request.body.model", kind: "changed", before: "a", after: "b" }],
      response: [{ path: "usage.total_tokens", kind: "changed", before: 1, after: 2 }],
    });
    expect(changeDetailsLabel(fields)).toBe("2 changed fields");
    expect(changeDetailsLabel(sampleChange({ response: [], text: null }))).toBeNull();
  });

  it("counts a cassette's interaction pairs first", () => {
    const pair = { a: 0, b: 0, verdict: "noise" as const, summary: "noise only: 1 volatile field" };
    const added = { a: null, b: 1, verdict: "added" as const, summary: "a new interaction" };
    expect(changeDetailsLabel(sampleChange({ interactions: [pair, added], response: [], text: null }))).toBe(
      "2 interactions",
    );
    expect(changeDetailsLabel(sampleChange({ interactions: [pair] }))).toBe("1 interaction; reply text");
    const fields = sampleChange({
      interactions: [pair, added],
      text: null,
      request: [{ path: "request.body.model", kind: "changed", before: "a", after: "b" }],
    });
    expect(changeDetailsLabel(fields)).toBe("2 interactions; 2 changed fields");
    expect(changeDetailsLabel(sampleChange({ interactions: [] }))).toBe("Reply text");
  });
});
