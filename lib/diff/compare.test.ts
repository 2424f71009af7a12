import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareRecordings, type Comparison, type DecodedSide } from "./compare";
import { sideFromText } from "./load-side";

function side(name: string): DecodedSide {
  const text = readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");
  const { side, decoded } = sideFromText(text);
  if (!side) throw new Error(`${name}: ${decoded.ok ? "" : decoded.reason}`);
  return side;
}

function compare(a: string, b: string): Comparison {
  return compareRecordings(side(a), side(b));
}

describe("compareRecordings: identical", () => {
  it("byte for byte", () => {
    const result = compare("chat-stream", "chat-stream");
    expect(result.verdict).toBe("identical");
    expect(result.summary).toBe("identical");
    expect([...result.request, ...result.response, ...result.noise, ...result.rawResponse]).toEqual([]);
  });

  it("structurally equal, with keys in another order and other whitespace", () => {
    const result = compare("chat-stream", "chat-stream.reordered");
    expect(result.verdict).toBe("identical");
    expect(result.stream).toEqual({
      before_chunks: 6,
      after_chunks: 6,
      rechunked: false,
      first_divergence: null,
    });
  });
});

describe("compareRecordings: noise", () => {
  it("recorder ids and provider ids (rec-…, chatcmpl-…)", () => {
    const result = compare("chat-stream", "chat-stream.noise-ids");
    expect(result.verdict).toBe("noise");
    expect(result.noise).toContainEqual({
      path: "response.body[0].__data__.id",
      kind: "changed",
      before: "rec-1a2b3c4d5e6f",
      after: "chatcmpl-Q7zX1",
      rule: "provider-id",
    });
    expect(result.noise).toContainEqual({
      path: "response.body[1].__data__.id",
      kind: "changed",
      before: "rec-1a2b3c4d5e6f",
      after: "rec-999888777666",
      rule: "provider-id",
    });
    expect(result.summary).toBe("noise only: 6 volatile fields");
  });

  it.each([
    ["created", "response.body[0].__data__.created", 0, 1760000000, "timestamp"],
    [
      "fingerprint",
      "response.body[0].__data__.system_fingerprint",
      "fp_aaaa1111",
      "fp_bbbb2222",
      "system-fingerprint",
    ],
    ["obfuscation", "response.body[0].__data__.obfuscation", "xY12", "q0w", "stream-obfuscation"],
  ])("%s", (name, path, before, after, rule) => {
    const result = compare("chat-stream", `chat-stream.noise-${name}`);
    expect(result.verdict).toBe("noise");
    expect(result.noise[0]).toEqual({ path, kind: "changed", before, after, rule });
    expect([...result.request, ...result.response, ...result.rawResponse]).toEqual([]);
  });

  it("a host change in the URL", () => {
    const result = compare("chat-stream", "chat-stream.noise-host");
    expect(result.verdict).toBe("noise");
    expect(result.noise).toEqual([
      {
        path: "request.url",
        kind: "changed",
        before: "https://api.openai.com/v1/v1/chat/completions",
        after: "http://localhost:8321/v1/v1/chat/completions",
        rule: "request-host",
      },
    ]);
  });

  it("a changed test id", () => {
    const result = compare("chat-stream", "chat-stream.noise-test-id");
    expect(result.verdict).toBe("noise");
    expect(result.noise).toHaveLength(1);
    expect(result.noise[0]).toMatchObject({ path: "test_id", kind: "changed" });
    expect(result.noise[0]?.after).toContain("test_chat_streaming_renamed");
  });

  it("a __type__ whose module path moved", () => {
    const result = compare("tool-invocation", "tool-invocation.type-moved");
    expect(result.verdict).toBe("noise");
    expect(result.noise).toEqual([
      {
        path: "response.body.__type__",
        kind: "changed",
        before: "llama_stack.apis.tools.tools.ToolInvocationResult",
        after: "llama_stack_api.tools.ToolInvocationResult",
        rule: "type-module-moved",
      },
    ]);
  });

  it("tool-call arguments that differ only in key order (and a new call id)", () => {
    const result = compare("chat-tools", "chat-tools.arg-order");
    expect(result.verdict).toBe("noise");
    expect(result.response).toEqual([]);
    expect(result.noise).toContainEqual({
      path: "response.body.__data__.choices[0].message.tool_calls[0].id",
      kind: "changed",
      before: "call_abc123",
      after: "call_xyz789",
      rule: "provider-id",
    });
  });

  it("the same text re-chunked", () => {
    const result = compare("chat-stream", "chat-stream.rechunked");
    expect(result.verdict).toBe("noise");
    expect(result.response).toEqual([]);
    expect(result.stream).toEqual({
      before_chunks: 6,
      after_chunks: 6,
      rechunked: true,
      first_divergence: 1,
    });
    expect(result.rawResponse).toEqual([]);
    expect(result.noise).toContainEqual({
      path: "response.body[1].__data__.choices[0].delta.content",
      kind: "changed",
      before: "Red",
      after: "Red, yel",
      rule: "stream-rechunked",
    });
    expect(result.summary).toContain("the same text re-chunked");
  });
});

describe("compareRecordings: response", () => {
  it("different text", () => {
    const result = compare("chat-stream", "chat-stream.text");
    expect(result.verdict).toBe("response");
    expect(result.response).toEqual([
      {
        path: "choices[0].content",
        kind: "changed",
        before: "Red, yellow and blue.",
        after: "Red, yellow and green.",
      },
    ]);
    expect(result.stream.first_divergence).toBe(3);
    expect(result.stream.rechunked).toBe(false);
    expect(result.summary).toBe(
      "response: choices[0].content: Red, yellow and blue. → Red, yellow and green.",
    );
  });

  it("a different tool-call argument value", () => {
    const result = compare("chat-tools", "chat-tools.arg-value");
    expect(result.verdict).toBe("response");
    expect(result.response).toEqual([
      { path: "choices[0].tool_calls[0].arguments.city", kind: "changed", before: "Paris", after: "Lyon" },
    ]);
  });

  it("a different finish reason", () => {
    const result = compare("chat-stream", "chat-stream.finish");
    expect(result.verdict).toBe("response");
    expect(result.response).toEqual([
      { path: "choices[0].finish_reason", kind: "changed", before: "stop", after: "length" },
    ]);
  });

  it("different usage", () => {
    const result = compare("chat-stream", "chat-stream.usage");
    expect(result.verdict).toBe("response");
    expect(result.response).toEqual([
      { path: "usage.output_tokens", kind: "changed", before: 7, after: 9 },
      { path: "usage.total_tokens", kind: "changed", before: 19, after: 21 },
    ]);
  });
});

describe("compareRecordings: request", () => {
  it("a different model", () => {
    const result = compare("chat-stream", "chat-stream.model");
    expect(result.verdict).toBe("request");
    expect(result.request).toContainEqual({
      path: "request.body.model",
      kind: "changed",
      before: "gpt-4o",
      after: "gpt-4o-mini",
    });
    expect(result.request).toContainEqual({
      path: "request.model",
      kind: "changed",
      before: "gpt-4o",
      after: "gpt-4o-mini",
    });
  });

  it("a different message", () => {
    const result = compare("chat-stream", "chat-stream.message");
    expect(result.verdict).toBe("request");
    expect(result.request).toEqual([
      {
        path: "request.body.messages[0].content",
        kind: "changed",
        before: "Name three primary colors.",
        after: "Name three secondary colors.",
      },
    ]);
  });

  it("a different tool list", () => {
    const result = compare("chat-tools", "chat-tools.tool-list");
    expect(result.verdict).toBe("request");
    expect(result.request).toHaveLength(1);
    expect(result.request[0]).toMatchObject({
      path: "request.body.tools[1]",
      kind: "added",
      before: undefined,
    });
    expect(result.request[0]?.after).toMatchObject({ function: { name: "get_time" } });
  });
});

describe("compareRecordings: error", () => {
  it("success turned error", () => {
    const result = compare("chat-stream", "chat-stream.error");
    expect(result.verdict).toBe("error");
    expect(result.summary).toBe("success turned error");
    expect(result.response).toEqual([{ path: "type", kind: "changed", before: "message", after: "error" }]);
  });

  it("error turned success", () => {
    const result = compare("chat-stream.error", "chat-stream");
    expect(result.verdict).toBe("error");
    expect(result.summary).toBe("error turned success");
    expect(result.response).toEqual([{ path: "type", kind: "changed", before: "error", after: "message" }]);
  });

  it("a different error", () => {
    const result = compare("chat-stream.error", "chat-stream.error-other");
    expect(result.verdict).toBe("error");
    expect(result.response).toEqual([
      { path: "error.type", kind: "changed", before: "BadRequestError", after: "RateLimitError" },
      { path: "error.status", kind: "changed", before: 400, after: 429 },
      {
        path: "error.message",
        kind: "changed",
        before: "Error code: 400 - model overloaded",
        after: "Error code: 429 - rate limit reached",
      },
    ]);
    expect(result.summary).toBe("a different error: error.type: BadRequestError → RateLimitError (+2 more)");
  });
});
