import { LosslessNumber } from "lossless-json";
import { describe, expect, it } from "vitest";
import { parsePythonLiteral } from "./python-literal";

describe("parsePythonLiteral", () => {
  it("reads the kwargs repr llama-stack's tool error prints", () => {
    expect(
      parsePythonLiteral(
        "{'query': \"Who's there?\", 'max_results': 3, 'score': 0.5, 'tags': ['a', 'b\\n'], 'pair': (1, None), 'ok': True, 'no': False}",
      ),
    ).toEqual({
      query: "Who's there?",
      max_results: new LosslessNumber("3"),
      score: new LosslessNumber("0.5"),
      tags: ["a", "b\n"],
      pair: [new LosslessNumber("1"), null],
      ok: true,
      no: false,
    });
  });

  it("reads escapes and gives up on what is not a literal", () => {
    expect(parsePythonLiteral("'caf\\xe9 \\u00e9'")).toBe("café é");
    expect(parsePythonLiteral("{'a': <object at 0x7f>}")).toBeUndefined();
    expect(parsePythonLiteral("{'a': 1")).toBeUndefined();
  });
});
