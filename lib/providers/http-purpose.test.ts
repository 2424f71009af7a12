import { describe, expect, it } from "vitest";
import { shortUrl } from "./http-purpose";

describe("shortUrl", () => {
  it("keeps a URL a reader can quote, whatever its length", () => {
    expect(shortUrl("https://api.openai.com/v1/chat/completions")).toBe(
      "https://api.openai.com/v1/chat/completions",
    );
    // Long segments are cut one by one; many of them, or a host without a path, as a whole.
    expect(shortUrl(`https://example.com/${"a".repeat(1024 * 1024)}`)).toBe(
      `https://example.com/${"a".repeat(40)}…`,
    );
    const many = shortUrl(`https://example.com/${"abcdef/".repeat(150_000)}`);
    expect(many).toHaveLength(201);
    expect(many.endsWith("…")).toBe(true);
    expect(shortUrl(`no-scheme ${"x".repeat(5000)}`)).toHaveLength(201);
  });
});
