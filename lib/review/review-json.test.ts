import { describe, expect, it } from "vitest";
import { sampleChange, sampleReview } from "./fixtures/sample-review";
import { reviewJson } from "./review-json";

describe("reviewJson", () => {
  it("projects a review to exactly the documented shape, in order", () => {
    const json = reviewJson(sampleReview());
    expect(Object.keys(json)).toEqual(["base", "head", "summary", "groups", "changes"]);
    expect(Object.keys(json.summary)).toEqual([
      "added",
      "removed",
      "modified",
      "renamed",
      "copied",
      "verdicts",
    ]);
    expect(Object.keys(json.summary.verdicts)).toEqual([
      "identical",
      "noise",
      "response",
      "request",
      "error",
      "added",
      "removed",
      "secret",
    ]);
    expect(json.summary).toEqual({
      added: 1,
      removed: 1,
      modified: 3,
      renamed: 1,
      copied: 0,
      verdicts: {
        identical: 0,
        noise: 1,
        response: 1,
        request: 2,
        error: 0,
        added: 1,
        removed: 1,
        secret: 0,
      },
    });
    expect(json.groups).toEqual([
      {
        title: "request.body.model: llama3.2:3b → qwen3:0.6b",
        count: 2,
        paths: [
          "tests/integration/inference/recordings/m1.json",
          "tests/integration/inference/recordings/m2.json",
        ],
      },
    ]);
    for (const change of json.changes) {
      expect(Object.keys(change)).toEqual([
        "status",
        "path",
        "oldPath",
        "pairedBy",
        "testId",
        "verdict",
        "summary",
      ]);
    }
    expect(json.changes[1]).toEqual({
      status: "renamed",
      path: "tests/integration/inference/recordings/m2.json",
      oldPath: "tests/integration/inference/recordings/m2-old.json",
      pairedBy: "test",
      testId: "tests/integration/inference/test_chat.py::test_a",
      verdict: "request",
      summary: "request: request.body.model: llama3.2:3b → qwen3:0.6b",
    });
  });

  it("writes null for what is absent and leaves the diff details out", () => {
    const json = reviewJson(sampleReview([sampleChange({ testId: null })]));
    expect(json.changes[0]).toMatchObject({ oldPath: null, pairedBy: null, testId: null });
    const text = JSON.stringify(json);
    expect(text).not.toContain('"text"');
    expect(text).not.toContain('"suite"');
    expect(JSON.parse(text)).toEqual(json);
  });
});
