import { describe, expect, it } from "vitest";
import { isPlaceholder, looksLikeCredential } from "./placeholder";
import { randomText } from "./testing/fake-credentials";

describe("isPlaceholder", () => {
  it.each([
    "<ANTHROPIC_API_KEY>",
    "<AUTH_TOKEN>",
    "<GEMINI_API_KEY>",
    "<AWS_ACCESS_KEY_ID>",
    "REDACTED",
    "**REDACTED**",
    "[FILTERED]",
    "***",
    "sk-***************",
    "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxx",
    "sk-abc...wxyz",
    "test-api-key",
    "invalid-key",
    "scrubbed",
    "XXXXXX",
    "${OPENAI_API_KEY}",
    "{{ api_key }}",
    "$OPENAI_API_KEY",
    "your-api-key-here",
    "sk-fake-1234567890",
    "dummy-token-value",
    "my-secret-token",
    "aaaaaaaaaaaaaaaaaaaa",
    "1234567890abcdef",
    "[secret openai: sk-p…yz]",
  ])("recognises %s", (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it("leaves real-looking values alone, even with a word inside a long random one", () => {
    expect(isPlaceholder(randomText(1, 40))).toBe(false);
    expect(isPlaceholder(`sk-${randomText(2, 48)}`)).toBe(false);
    expect(isPlaceholder(`${randomText(3, 20)}TestKey${randomText(4, 20)}`)).toBe(false);
  });
});

describe("looksLikeCredential", () => {
  it("wants 12 characters or more, no blanks, and randomness", () => {
    expect(looksLikeCredential(randomText(5, 12))).toBe(true);
    expect(looksLikeCredential(randomText(5, 11))).toBe(false);
    expect(looksLikeCredential("bad apiKey")).toBe(false);
    expect(looksLikeCredential("aaaabbbbccccdddd")).toBe(false);
  });
});
