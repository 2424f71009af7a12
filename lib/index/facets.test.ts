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
  it("counts interactions by each facet, most first and then by name, skipping nulls", () => {
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
    expect(facets.interactions).toBe(5);
    expect(facets.counts).toEqual({
      suite: [
        ["inference", 4],
        ["agents", 1],
      ],
      format: [["llama-stack", 5]],
      host: [],
      status: [],
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
    expect(facets.notStreaming).toBe(3);
    expect(facets.errors).toBe(1);
    expect(facets.broken.map((item) => item.relPath)).toEqual(["f.json"]);
  });

  it("counts the interactions of a cassette one by one", () => {
    const cassette = summaryOf("tests/cassettes/test_a/test_b.yaml", { format: "vcrpy", suite: "tests" });
    const first = cassette.interactions[0];
    if (!first) throw new Error("no interaction");
    const facets = countFacets([
      {
        ...cassette,
        interactions: [
          { ...first, host: "api.openai.com", status: 200 },
          { ...first, index: 1, host: "api.openai.com", status: 429, family: "generic", kind: "http" },
          {
            ...first,
            index: 2,
            host: "raw.githubusercontent.com",
            status: 200,
            family: "generic",
            kind: "http",
          },
        ],
      },
    ]);
    expect(facets.total).toBe(1);
    expect(facets.interactions).toBe(3);
    expect(facets.counts.format).toEqual([["vcrpy", 3]]);
    expect(facets.counts.host).toEqual([
      ["api.openai.com", 2],
      ["raw.githubusercontent.com", 1],
    ]);
    expect(facets.counts.status).toEqual([
      ["200", 2],
      ["429", 1],
    ]);
    expect(facets.counts.family).toEqual([
      ["generic", 2],
      ["openai-chat", 1],
    ]);
  });

  it("counts nothing in an empty list", () => {
    expect(countFacets([])).toEqual({
      total: 0,
      interactions: 0,
      counts: { suite: [], format: [], family: [], kind: [], provider: [], model: [], host: [], status: [] },
      streaming: 0,
      notStreaming: 0,
      errors: 0,
      broken: [],
    });
  });
});
