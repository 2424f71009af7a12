import { describe, expect, it } from "vitest";
import { countFacets } from "./facets";
import { summaryOf } from "./testing/summary-builder";

const summary = summaryOf;

const BROKEN = {
  broken: { kind: "invalid-json" as const, reason: "invalid JSON at line 1, column 2: ValueExpected" },
  family: null,
  kind: null,
  provider: null,
  model: null,
};

describe("countFacets", () => {
  it("counts each facet, most first and then by name, skipping nulls", () => {
    const items = [
      summary("a.json", { model: "b-model", streaming: true }),
      summary("b.json", { model: "a-model", streaming: true }),
      summary("c.json", { model: "c-model", suite: "agents" }),
      summary("d.json", { model: "c-model", family: "ollama", kind: "completion", provider: "ollama" }),
      summary("e.json", { family: "exception", model: "c-model", error: "BadRequestError: bad thing" }),
      summary("f.json", { ...BROKEN, suite: "agents" }),
    ];
    const facets = countFacets(items);
    expect(facets.total).toBe(6);
    expect(facets.counts).toEqual({
      suite: [
        ["inference", 4],
        ["agents", 2],
      ],
      family: [
        ["openai-chat", 3],
        ["exception", 1],
        ["ollama", 1],
      ],
      kind: [
        ["chat", 4],
        ["completion", 1],
      ],
      provider: [
        ["openai-compatible", 4],
        ["ollama", 1],
      ],
      model: [
        ["c-model", 3],
        ["a-model", 1],
        ["b-model", 1],
      ],
    });
    expect(facets.streaming).toBe(2);
    expect(facets.notStreaming).toBe(4);
    expect(facets.errors).toBe(1);
    expect(facets.broken.map((item) => item.relPath)).toEqual(["f.json"]);
  });

  it("counts nothing in an empty list", () => {
    expect(countFacets([])).toEqual({
      total: 0,
      counts: { suite: [], family: [], kind: [], provider: [], model: [] },
      streaming: 0,
      notStreaming: 0,
      errors: 0,
      broken: [],
    });
  });
});
