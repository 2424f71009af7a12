import { describe, expect, it } from "vitest";
import type { Segment } from "./segments";
import { SecretlintMemo } from "./secretlint-memo";
import { secretlintFindings } from "./secretlint-scan";
import { FAKE } from "./testing/fake-credentials";

function text(interaction: number, location: string, value: string, key: string | null = null): Segment {
  return { kind: "text", interaction, location, key, text: value };
}

describe("the preset's findings, line by line", () => {
  const first: Segment[] = [
    { kind: "header", interaction: 0, location: "request header", name: "X-Api-Key", value: FAKE.anthropic },
    text(0, "request body $.note", `keys: ${FAKE.openai} and ${FAKE.github}`),
    text(0, "request body $.model", "gpt-4o-mini-2024"),
  ];
  // The second file repeats two lines of the first and adds one.
  const second: Segment[] = [
    text(1, "response body $.note", `keys: ${FAKE.openai} and ${FAKE.github}`),
    text(1, "response body $.other", `token ${FAKE.github}`),
    text(1, "response body $.model", "gpt-4o-mini-2024"),
  ];

  it("are the same with a memo as without, in the same order, and a line met again is not linted", async () => {
    const memo = new SecretlintMemo();
    const alone = [await secretlintFindings(first), await secretlintFindings(second)];
    const withMemo = [await secretlintFindings(first, memo)];
    expect(memo.size).toBe(3);
    withMemo.push(await secretlintFindings(second, memo));
    expect(withMemo).toStrictEqual(alone);
    // Only the new line was linted for the second file.
    expect(memo.size).toBe(4);
    expect(alone[1]?.map((f) => [f.interaction, f.location, f.rule, f.value])).toStrictEqual([
      [1, "response body $.note", "openai", FAKE.openai],
      [1, "response body $.note", "github", FAKE.github],
      [1, "response body $.other", "github", FAKE.github],
    ]);
    expect(memo.findings("gpt-4o-mini-2024")).toStrictEqual([]);
  });

  it("answers from the memo alone: what it holds for a line is what is reported", async () => {
    const memo = new SecretlintMemo([["planted line", [{ rule: "made-up", value: "v" }]]]);
    const found = await secretlintFindings([text(2, "request body $.x", "planted line")], memo);
    expect(found).toStrictEqual([
      { interaction: 2, location: "request body $.x", rule: "made-up", value: "v" },
    ]);
  });
});
