import { describe, expect, it } from "vitest";
import { fixturesIn } from "./fixtures/load-fixture";

const { decodeFixture, exchangeOf, messageOf } = fixturesIn("openai");

describe("openai-completions", () => {
  it("reassembles a stream of Completion chunks, reading `text` and not the repeated delta", () => {
    const exchange = exchangeOf("completion-stream.json");
    expect(exchange).toMatchObject({
      family: "openai-completions",
      kind: "completion",
      provider: "openai-compatible",
      providerDetail: "api.together.xyz",
      model: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
      responseType: "openai.types.completion.Completion",
      notes: [],
    });
    expect(exchange.request.messages).toEqual([
      {
        role: "user",
        parts: [{ type: "text", text: "Roses are red, violets are" }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(exchange.request.params).toEqual({ max_tokens: 8, stream: true });

    const response = messageOf("completion-stream.json");
    expect(response.streaming).toBe(true);
    expect(response.model).toBe("meta-llama/Llama-3.3-70B-Instruct-Turbo");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: " blue, sugar is sweet",
        reasoning: "",
        toolCalls: [],
        finishReason: "length",
      },
    ]);
    const usage = {
      inputTokens: 7,
      outputTokens: 4,
      totalTokens: 11,
      reasoningTokens: null,
      raw: expect.anything(),
    };
    expect(response.usage).toEqual(usage);
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [{ type: "text", choice: 0, text: " blue", range: { start: 0, end: 5 } }],
      [{ type: "text", choice: 0, text: ",", range: { start: 5, end: 6 } }],
      [{ type: "text", choice: 0, text: " sugar", range: { start: 6, end: 12 } }],
      [
        { type: "text", choice: 0, text: " is sweet", range: { start: 12, end: 21 } },
        { type: "finish", choice: 0, reason: "length" },
        { type: "usage", usage },
      ],
    ]);
  });

  it("reads a non-streamed completion of a list prompt", () => {
    const exchange = exchangeOf("completion.json");
    expect(exchange.model).toBe("Qwen/Qwen3-0.6B");
    expect(exchange.request.messages).toEqual([
      {
        role: "user",
        parts: [
          { type: "text", text: "The capital of France is" },
          { type: "text", text: "The capital of Chile is" },
        ],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    const response = messageOf("completion.json");
    expect(response.streaming).toBe(false);
    expect(response.chunks).toEqual([]);
    expect(response.choices).toEqual([
      { index: 0, role: "assistant", content: " Paris.", reasoning: "", toolCalls: [], finishReason: "stop" },
      {
        index: 1,
        role: "assistant",
        content: " Santiago.",
        reasoning: "",
        toolCalls: [],
        finishReason: "stop",
      },
    ]);
    expect(response.usage?.totalTokens).toBe(18);
  });

  it("names the JSON path of a malformed chunk", () => {
    const decoded = decodeFixture("completion-malformed.json");
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(
      /^schema mismatch at response\.body\[1\]\.__data__\.choices\[0\]\.text: /,
    );
  });
});

describe("openai-completions over HTTP (cassettes)", () => {
  it("reassembles a Together SSE stream of completion chunks by its /v1/completions path", () => {
    const exchange = exchangeOf("http-completions-stream-together.json");
    expect(exchange).toMatchObject({
      family: "openai-completions",
      kind: "completion",
      providerDetail: "api.together.xyz",
      model: "meta-llama/Llama-3.2-3B-Instruct-Turbo",
      responseType: null,
      notes: [],
    });
    expect(exchange.request.messages).toEqual([
      {
        role: "user",
        parts: [{ type: "text", text: "The capital of France is" }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    const response = messageOf("http-completions-stream-together.json");
    expect(response.chunks).toHaveLength(2);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Paris is the capital.",
        reasoning: "",
        toolCalls: [],
        finishReason: "stop",
      },
    ]);
    expect(response.usage?.totalTokens).toBe(11);
  });
});
