import { describe, expect, it } from "vitest";
import type { Change } from "@/lib/diff/change";
import { groupChanges } from "./groups";
import type { ReviewChange } from "./review-types";

function change(path: string, fields: Partial<ReviewChange>): ReviewChange {
  return {
    status: "modified",
    path,
    oldPath: null,
    pairedBy: null,
    testId: null,
    verdict: "response",
    summary: "",
    suite: "s",
    request: [],
    response: [],
    noise: [],
    text: null,
    interactions: null,
    ...fields,
  };
}

const changed = (path: string, before: unknown, after: unknown): Change => ({
  path,
  kind: "changed",
  before,
  after,
});

describe("groupChanges", () => {
  it("groups a field change two files share, among thousands each file has alone", () => {
    const own = (seed: string) =>
      Array.from({ length: 5000 }, (_, i) => changed(`body.logprobs[${i}].logprob`, -i, `${seed}${i}`));
    const a = change("d/a.yaml", { response: [changed("model", "m1", "m2"), ...own("a")] });
    const b = change("d/b.yaml", { response: [...own("b"), changed("model", "m1", "m2")] });
    const c = change("d/c.yaml", { response: [changed("model", "m1", "m3")] });
    expect(groupChanges([a, b, c])).toEqual([
      { title: "response: model: m1 → m2", count: 2, paths: ["d/a.yaml", "d/b.yaml"] },
    ]);
  });

  it("groups a field fact equal to another kind of fact", () => {
    // A llama-stack file whose only noise is a key named `removed`, and a request field named `only`.
    const noise = change("d/a.json", {
      verdict: "noise",
      noise: [{ path: "response.removed", kind: "changed", before: 1, after: 2, rule: "timestamp" }],
    });
    const field = change("d/b.json", {
      request: [{ path: "only", kind: "removed", before: 1, after: undefined }],
    });
    expect(groupChanges([noise, field])).toEqual([
      { title: "only removed", count: 2, paths: ["d/a.json", "d/b.json"] },
    ]);
  });

  it("groups two facts that are equal though their paths differ (a path with a colon)", () => {
    const a = change("d/a.json", { request: [changed("x", "a", "gone removed")] });
    const b = change("d/b.json", {
      request: [{ path: "x: a → gone", kind: "removed", before: 1, after: undefined }],
    });
    expect(groupChanges([a, b])).toEqual([
      { title: "x: a → gone removed", count: 2, paths: ["d/a.json", "d/b.json"] },
    ]);
  });
});
