import { describe, expect, it } from "vitest";
import type { Comparison } from "@/lib/diff/compare";
import { changesUnder, rawResponseChangeList, requestChangeList } from "./change-lists";

const change = (path: string) => ({ path, kind: "changed" as const, before: 1, after: 2 });

const comparison: Comparison = {
  verdict: "request",
  request: [change("request.body.model")],
  response: [],
  stream: { before_chunks: 0, after_chunks: 0, rechunked: false, first_divergence: null },
  noise: [
    change("test_id"),
    change("request.url"),
    change("response.body.created"),
    change("response_extra"),
  ],
  rawResponse: [change("response.body.choices[0].delta.content")],
  summary: "",
};

describe("change lists", () => {
  it("leave the noise out unless asked", () => {
    expect(requestChangeList(comparison, false).map((c) => [c.path, c.noise])).toEqual([
      ["request.body.model", false],
    ]);
    expect(rawResponseChangeList(comparison, false).map((c) => c.path)).toEqual([
      "response.body.choices[0].delta.content",
    ]);
  });

  it("put each noise change in the list of where it lies", () => {
    expect(requestChangeList(comparison, true).map((c) => [c.path, c.noise])).toEqual([
      ["request.body.model", false],
      ["test_id", true],
      ["request.url", true],
      ["response_extra", true],
    ]);
    expect(rawResponseChangeList(comparison, true).map((c) => [c.path, c.noise])).toEqual([
      ["response.body.choices[0].delta.content", false],
      ["response.body.created", true],
    ]);
  });

  it("find changes under a path, not beside it", () => {
    const changes = [
      change("choices[0].tool_calls[1]"),
      change("choices[0].tool_calls[1].arguments.x"),
      change("choices[0].tool_calls[10].name"),
    ];
    expect(changesUnder(changes, "choices[0].tool_calls[1]").map((c) => c.path)).toEqual([
      "choices[0].tool_calls[1]",
      "choices[0].tool_calls[1].arguments.x",
    ]);
  });
});
