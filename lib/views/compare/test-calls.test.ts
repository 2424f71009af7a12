import { describe, expect, it } from "vitest";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import { summaryOf } from "@/lib/index/testing/summary-builder";
import { callOptions, pairByCall, parametrizationLabel } from "./test-calls";

const summary = (relPath: string, model: string): RecordingSummary =>
  summaryOf(relPath, { model, testId: "t", streaming: true, chunks: 3 });

describe("callOptions", () => {
  it("orders calls by how many messages they sent, then by path", () => {
    const options = callOptions(
      [
        summary("r/b.json", "gpt-4o"),
        summary("r/a.json", "gpt-4o"),
        summary("r/0123456789abcdef0123.json", "gpt-4o"),
      ],
      new Map([
        ["r/a.json", 3],
        ["r/b.json", 1],
      ]),
    );
    expect(options.map((o) => [o.call, o.relPath, o.label])).toEqual([
      [1, "r/0123456789abcdef0123.json", "call 1 · gpt-4o · 0123456789ab…"],
      [2, "r/b.json", "call 2 · gpt-4o · 1 message · b.json"],
      [3, "r/a.json", "call 3 · gpt-4o · 3 messages · a.json"],
    ]);
  });
});

describe("pairByCall", () => {
  it("pairs the n-th call of each as far as both go", () => {
    const a = callOptions([summary("a1", "m"), summary("a2", "m")], new Map());
    const b = callOptions([summary("b1", "n")], new Map());
    expect(pairByCall(a, b).map(({ a, b }) => [a.relPath, b.relPath])).toEqual([["a1", "b1"]]);
  });
});

describe("parametrizationLabel", () => {
  it("prefers the parameters, then provider/model", () => {
    expect(
      parametrizationLabel({
        testId: "t[x]",
        params: "txt=openai/gpt-4o",
        provider: "openai",
        model: "gpt-4o",
      }),
    ).toBe("[txt=openai/gpt-4o]");
    expect(parametrizationLabel({ testId: "t", params: null, provider: "ollama", model: null })).toBe(
      "ollama",
    );
    expect(parametrizationLabel({ testId: "t", params: null, provider: null, model: null })).toBe("t");
  });
});
