import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import { summaryOf } from "@/lib/index/testing/summary-builder";
import { decodeText } from "@/lib/recording/decode";
import { callOptions, compareLinkLabel, messageCounts, pairByCall, parametrizationLabel } from "./test-calls";

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

/** A vcrpy cassette's summary whose interactions asked these models, in order. */
function cassette(relPath: string, models: readonly string[]): RecordingSummary {
  const base = summaryOf(relPath, { format: "vcrpy", model: models[0] ?? null, testId: "t" });
  const first = base.interactions[0];
  if (!first) throw new Error("the summary builder gave no interaction");
  return { ...base, interactions: models.map((model, index) => ({ ...first, index, model })) };
}

describe("callOptions of cassettes", () => {
  it("labels a cassette with every call it holds and the models they asked", () => {
    const options = callOptions(
      [
        cassette("c/test_tools[anthropic].yaml", [
          "claude-haiku-4-5",
          "claude-sonnet-4-5",
          "claude-sonnet-4-5",
        ]),
      ],
      new Map(),
    );
    expect(options).toEqual([
      {
        relPath: "c/test_tools[anthropic].yaml",
        call: 1,
        cassette: true,
        calls: 3,
        label: "cassette · 3 calls · claude-haiku-4-5, claude-sonnet-4-5 · test_tools[anthropic].yaml",
      },
    ]);
  });

  it("numbers several cassettes of one parametrization by path, and shortens long model lists", () => {
    const options = callOptions(
      [cassette("c/b.yaml", ["m1", "m2", "m3", "m4"]), cassette("c/a.yaml", ["m1"])],
      new Map(),
    );
    expect(options.map((o) => o.label)).toEqual([
      "cassette 1 · 1 call · m1 · a.yaml",
      "cassette 2 · 4 calls · m1, m2 +2 · b.yaml",
    ]);
  });
});

describe("compareLinkLabel", () => {
  const a = callOptions([cassette("a.yaml", ["m", "m"])], new Map());
  const b = callOptions([cassette("b.yaml", ["n", "n", "n"])], new Map());
  const x = callOptions([summary("x.json", "m"), summary("y.json", "m")], new Map());

  it("says how many calls each cassette holds", () => {
    const [pair] = pairByCall(a, b);
    if (!pair) throw new Error("no pair");
    expect(compareLinkLabel(pair, false)).toBe("compare its 3 calls with the selected one's 2");
    expect(compareLinkLabel(pair, true)).toBe("compare cassette 1 (3 calls) with the selected one's 2");
  });

  it("names the call of llama-stack recordings", () => {
    const [first, second] = pairByCall(x, x);
    if (!first || !second) throw new Error("no pairs");
    expect(compareLinkLabel(first, false)).toBe("compare with the selected one");
    expect(compareLinkLabel(second, true)).toBe("compare call 2 with the selected one");
  });
});

describe("messageCounts", () => {
  it("opens only llama-stack recordings: a cassette's first call does not stand for the others", async () => {
    const opened: string[] = [];
    const text = readFileSync(new URL("../../diff/fixtures/chat-stream.json", import.meta.url), "utf8");
    const decoded = decodeText(text);
    const index = {
      open: (relPath: string) => {
        opened.push(relPath);
        return Promise.resolve({ read: { decoded } });
      },
    };
    const counts = await messageCounts(index, [summary("r/a.json", "m"), cassette("c/t.yaml", ["m", "m"])]);
    expect(opened).toEqual(["r/a.json"]);
    expect([...counts]).toEqual([["r/a.json", 1]]);
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
