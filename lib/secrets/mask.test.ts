import { describe, expect, it } from "vitest";
import { detectedSecret } from "./finding";
import { maskSecrets, maskText } from "./mask";
import { FAKE } from "./testing/fake-credentials";

const openai = detectedSecret(FAKE.openai, {
  interaction: 0,
  location: "request header authorization",
  rule: "openai",
});
const query = detectedSecret(`${FAKE.session.slice(0, 10)}+/${FAKE.session.slice(10)}`, {
  interaction: 1,
  location: "request url query key",
  rule: "credential-query",
});

describe("maskText", () => {
  it("replaces every occurrence with the rule and the preview", () => {
    expect(maskText(`a ${FAKE.openai} b ${FAKE.openai}`, [openai])).toBe(
      "a [secret openai: sk-p…aZ] b [secret openai: sk-p…aZ]",
    );
  });

  it("replaces the URL-encoded and JSON-escaped spellings too", () => {
    const encoded = encodeURIComponent(query.value);
    expect(maskText(`?key=${encoded}`, [query])).toBe(`?key=[secret credential-query: ${query.preview}]`);
    expect(query.preview).toBe(`${FAKE.session.slice(0, 4)}…${FAKE.session.slice(-2)}`);
  });
});

describe("maskSecrets", () => {
  it("masks strings and keys at any depth, and shares what holds no credential", () => {
    const clean = { model: "gpt-4o", messages: [{ role: "user", content: "hi" }] };
    const bytes = new Uint8Array([1, 2, 3]);
    const value = {
      request: clean,
      headers: [{ name: "authorization", value: `Bearer ${FAKE.openai}` }],
      [FAKE.openai]: 1,
      bytes,
    };
    const masked = maskSecrets(value, [openai]);
    expect(masked).toEqual({
      request: clean,
      headers: [{ name: "authorization", value: "Bearer [secret openai: sk-p…aZ]" }],
      "[secret openai: sk-p…aZ]": 1,
      bytes,
    });
    expect(masked.request).toBe(clean);
    expect(masked.bytes).toBe(bytes);
    expect(JSON.stringify(masked)).not.toContain(FAKE.openai);
  });

  it("returns the value itself when there is nothing to mask", () => {
    const value = { a: [FAKE.openai] };
    expect(maskSecrets(value, [])).toBe(value);
  });
});
