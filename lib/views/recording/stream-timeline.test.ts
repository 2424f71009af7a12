import { describe, expect, it } from "vitest";
import type { Chunk } from "@/lib/model/exchange";
import { cellKind, fieldId, toTimelineRows, usageSummary } from "./stream-timeline";

const usage = {
  inputTokens: 12,
  outputTokens: 30,
  totalTokens: 42,
  reasoningTokens: null,
  raw: { big: "object" },
};

const chunks: Chunk[] = [
  {
    index: 0,
    deltas: [
      { type: "role", choice: 0, role: "assistant" },
      { type: "text", choice: 0, text: "", range: { start: 0, end: 0 } },
    ],
    raw: { a: 1 },
  },
  { index: 1, deltas: [{ type: "text", choice: 0, text: "Hel", range: { start: 0, end: 3 } }], raw: {} },
  { index: 2, deltas: [{ type: "reasoning", choice: 0, text: "hm", range: { start: 0, end: 2 } }], raw: {} },
  {
    index: 3,
    deltas: [
      {
        type: "tool-call",
        choice: 0,
        toolIndex: 1,
        id: "call_1",
        name: "get",
        arguments: '{"a"',
        range: { start: 0, end: 4 },
      },
    ],
    raw: {},
  },
  { index: 4, deltas: [{ type: "finish", choice: 0, reason: "tool_calls" }], raw: {} },
  { index: 5, deltas: [{ type: "usage", usage }], raw: {} },
  {
    index: 6,
    deltas: [
      { type: "event", label: "ping" },
      { type: "logprobs", choice: 0, count: 3 },
    ],
    raw: {},
  },
];

describe("toTimelineRows", () => {
  const rows = toTimelineRows(chunks);

  it("keeps one row per chunk, in order, without the raw chunk", () => {
    expect(rows.map((row) => row.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(JSON.stringify(rows)).not.toContain("big");
  });

  it("flattens ranges into the items", () => {
    expect(rows[1]?.items).toEqual([{ type: "text", choice: 0, text: "Hel", start: 0, end: 3 }]);
    expect(rows[3]?.items[0]).toMatchObject({
      type: "tool-call",
      toolIndex: 1,
      name: "get",
      arguments: '{"a"',
      start: 0,
      end: 4,
    });
  });

  it("summarizes usage", () => {
    expect(rows[5]?.items).toEqual([{ type: "usage", summary: "in 12 · out 30 · total 42" }]);
  });

  it("colors each chunk by what it mostly adds", () => {
    expect(rows.map((row) => row.kind)).toEqual([
      "other",
      "text",
      "reasoning",
      "tool-call",
      "finish",
      "usage",
      "other",
    ]);
  });
});

describe("cellKind", () => {
  it("prefers content over finish", () => {
    expect(
      cellKind([
        { type: "finish", choice: 0, reason: "stop" },
        { type: "text", choice: 0, text: "x", start: 0, end: 1 },
      ]),
    ).toBe("text");
  });

  it("counts a tool call that only names the function", () => {
    expect(
      cellKind([
        { type: "tool-call", choice: 0, toolIndex: 0, id: "c", name: "f", arguments: "", start: 0, end: 0 },
      ]),
    ).toBe("tool-call");
  });
});

describe("usageSummary and fieldId", () => {
  it("reads what is known", () => {
    expect(
      usageSummary({
        inputTokens: null,
        outputTokens: null,
        totalTokens: null,
        reasoningTokens: 5,
        raw: null,
      }),
    ).toBe("reasoning 5");
    expect(
      usageSummary({
        inputTokens: null,
        outputTokens: null,
        totalTokens: null,
        reasoningTokens: null,
        raw: null,
      }),
    ).toBe("usage");
  });

  it("names fields", () => {
    expect(fieldId({ field: "content", choice: 0 })).toBe("0:content");
    expect(fieldId({ field: "tool", choice: 1, toolIndex: 2 })).toBe("1:tool:2");
  });
});
