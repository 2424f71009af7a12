import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excerpt } from "./summary";

/** What `excerpt` gives, computed on the whole text. */
function wholeExcerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 240 ? `${flat.slice(0, 240)}…` : flat;
}

describe("excerpt", () => {
  it("flattens whitespace and cuts at 240 characters", () => {
    expect(excerpt("  Will it\n\n rain\ttomorrow?  ")).toBe("Will it rain tomorrow?");
    expect(excerpt(`${"word ".repeat(100)}`)).toBe(`${"word ".repeat(48).trim()} …`);
    expect(excerpt("")).toBe("");
  });

  it("keeps plainly spaced text as it is, cut at 240 characters", () => {
    expect(excerpt("What is the capital of France?")).toBe("What is the capital of France?");
    expect(excerpt(`${"word ".repeat(60)}end`)).toBe(`${"word ".repeat(48)}…`);
    expect(excerpt("a\u00a0b")).toBe("a b");
  });

  it("reads only a prefix of a long text, with the same result as the whole", () => {
    const long = `${" \n".repeat(2000)}${"a".repeat(239)}${" ".repeat(5000)}b${"c".repeat(1_000_000)}`;
    expect(excerpt(long)).toBe(wholeExcerpt(long));
    expect(excerpt(long)).toBe(`${"a".repeat(239)} …`);
    const trailing = `${"a".repeat(240)}${" ".repeat(3000)}`;
    expect(excerpt(trailing)).toBe("a".repeat(240));
  });

  it("agrees with the whole-text excerpt on any mix of words and whitespace", () => {
    const piece = fc.oneof(
      fc.constantFrom(" ", "\n", "\t", "  ", " \n "),
      fc.string({ minLength: 1, maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (pieces) => {
        const text = pieces.join("");
        expect(excerpt(text)).toBe(wholeExcerpt(text));
      }),
      { numRuns: 500 },
    );
  });
});
