import { describe, expect, it } from "vitest";
import type { AssembledMessage, AssembledToolCall, Usage } from "@/lib/model/exchange";
import { messageDiff, usageRows } from "./message-diff";

function call(name: string, args: string): AssembledToolCall {
  let parsed: AssembledToolCall["parsedArguments"];
  try {
    parsed = { ok: true, value: JSON.parse(args) };
  } catch (error) {
    parsed = { ok: false, error: String(error) };
  }
  return { index: 0, id: null, name, arguments: args, fragments: [args], parsedArguments: parsed };
}

function message(content: string, extra: Partial<AssembledMessage> = {}): AssembledMessage {
  return {
    index: 0,
    role: "assistant",
    content,
    reasoning: "",
    toolCalls: [],
    finishReason: "stop",
    ...extra,
  };
}

describe("messageDiff", () => {
  it("word-diffs the text and keeps equal reasoning unmarked", () => {
    const [choice] = messageDiff([message("It is sunny.")], [message("It is rainy.")], []);
    expect(choice?.content.changed).toBe(true);
    expect(choice?.content.parts).toEqual([
      { value: "It is ", added: false, removed: false },
      { value: "sunny", added: false, removed: true },
      { value: "rainy", added: true, removed: false },
      { value: ".", added: false, removed: false },
    ]);
    expect(choice?.reasoning).toEqual({ before: "", after: "", changed: false, parts: [] });
    expect(choice?.finishReason).toEqual({ before: "stop", after: "stop", changed: false });
  });

  it("lists tool calls by position with the argument changes found by the comparison", () => {
    const a = [
      message("", { toolCalls: [call("get_weather", '{"city":"Paris"}')], finishReason: "tool_calls" }),
    ];
    const b = [
      message("", { toolCalls: [call("get_weather", '{"city":"Lyon"}')], finishReason: "tool_calls" }),
    ];
    const change = {
      path: "choices[0].tool_calls[0].arguments.city",
      kind: "changed" as const,
      before: "Paris",
      after: "Lyon",
    };
    const [choice] = messageDiff(a, b, [
      change,
      { path: "choices[0].tool_calls[10].name", kind: "changed", before: "x", after: "y" },
    ]);
    expect(choice?.toolCalls).toEqual([
      {
        index: 0,
        name: { before: "get_weather", after: "get_weather", changed: false },
        arguments: { before: '{\n  "city": "Paris"\n}', after: '{\n  "city": "Lyon"\n}', changed: true },
        changes: [change],
      },
    ]);
  });

  it("shows a tool call only one side made, and a missing choice", () => {
    const a = [message("hi")];
    const b = [message("hi", { toolCalls: [call("lookup", "not json")] }), message("second", { index: 1 })];
    const diff = messageDiff(a, b, [
      { path: "choices[0].tool_calls[0]", kind: "added", before: undefined, after: { name: "lookup" } },
    ]);
    expect(diff[0]?.toolCalls[0]?.name).toEqual({ before: null, after: "lookup", changed: true });
    expect(diff[0]?.toolCalls[0]?.arguments).toMatchObject({ before: null, after: "not json" });
    expect(diff[1]?.present).toEqual({ a: false, b: true });
    expect(diff[1]?.content.after).toBe("second");
  });
});

describe("usageRows", () => {
  const usage = (output: number | null): Usage => ({
    inputTokens: 12,
    outputTokens: output,
    totalTokens: output === null ? null : 12 + output,
    reasoningTokens: null,
    raw: {},
  });

  it("gives the counts either side reports", () => {
    expect(usageRows(usage(7), usage(9))).toEqual([
      { label: "input", before: 12, after: 12 },
      { label: "output", before: 7, after: 9 },
      { label: "total", before: 19, after: 21 },
    ]);
    expect(usageRows(null, usage(null))).toEqual([{ label: "input", before: null, after: 12 }]);
    expect(usageRows(null, null)).toEqual([]);
  });
});
