import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Exchange } from "@/lib/model/exchange";
import { envelopeSchema } from "@/lib/model/envelope";
import { decodeText, decodeValue } from "@/lib/recording/decode";
import { ollamaDecoder } from "./ollama";
import { fixturesIn } from "./fixtures/load-fixture";

const { exchangeOf: decodeFixture, fixtureText } = fixturesIn("ollama");

function message(exchange: Exchange) {
  if (exchange.response.type !== "message") throw new Error(`not a message: ${exchange.response.type}`);
  return exchange.response;
}

const PNG_PREFIX = "data:image/png;base64,iVBORw0KGgo";

describe("ollamaDecoder.claims", () => {
  it("claims wrapped ollama._types bodies, single or listed, and nothing else", () => {
    const claims = (body: unknown) =>
      ollamaDecoder.claims(envelopeSchema.parse({ request: {}, response: { body } }));
    expect(claims({ __type__: "ollama._types.ProcessResponse", __data__: { models: [] } })).toBe(true);
    expect(claims([{ __type__: "ollama._types.GenerateResponse", __data__: {} }])).toBe(true);
    expect(claims({ __type__: "openai.types.model.Model", __data__: {} })).toBe(false);
    expect(claims({ candidates: [] })).toBe(false);
    expect(claims([])).toBe(false);
    expect(claims(null)).toBe(false);
  });
});

describe("ollama generate", () => {
  it("reassembles a streamed generate with thinking", () => {
    const exchange = decodeFixture("generate-stream-thinking.json");
    expect(exchange).toMatchObject({
      family: "ollama",
      kind: "completion",
      provider: "ollama",
      providerDetail: null,
      model: "qwen3:0.6b",
      testId:
        "tests/integration/inference/test_text_inference.py::test_text_completion_streaming[txt=ollama/qwen3:0.6b-inference:completion:sanity]",
      responseType: "ollama._types.GenerateResponse",
      notes: [],
    });
    expect(exchange.request).toMatchObject({
      method: "POST",
      url: "http://localhost:11434/api/generate",
      endpoint: "/api/generate",
      host: "localhost:11434",
      tools: [],
      params: { options: { temperature: 0 }, stream: true, think: true },
    });
    expect(exchange.request.messages).toEqual([
      {
        role: "system",
        parts: [{ type: "text", text: "You are terse." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "user",
        parts: [{ type: "text", text: "What is 2+2? Answer with the number only." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);

    const response = message(exchange);
    expect(response.streaming).toBe(true);
    expect(response.model).toBe("qwen3:0.6b");
    const usage = { inputTokens: 18, outputTokens: 12, totalTokens: 30, reasoningTokens: null };
    expect(response.usage).toMatchObject(usage);
    expect(response.usage?.raw).toEqual({
      prompt_eval_count: 18,
      eval_count: 12,
      total_duration: 0,
      load_duration: 0,
      prompt_eval_duration: 0,
      eval_duration: 0,
    });
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "4.",
        reasoning: "The user asks for 2+2.",
        toolCalls: [],
        finishReason: "stop",
      },
    ]);
    expect(response.chunks.map((chunk) => chunk.index)).toEqual([0, 1, 2, 3, 4]);
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [{ type: "reasoning", choice: 0, text: "The user", range: { start: 0, end: 8 } }],
      [{ type: "reasoning", choice: 0, text: " asks for 2+2.", range: { start: 8, end: 22 } }],
      [{ type: "text", choice: 0, text: "4", range: { start: 0, end: 1 } }],
      [{ type: "text", choice: 0, text: ".", range: { start: 1, end: 2 } }],
      [
        { type: "finish", choice: 0, reason: "stop" },
        { type: "usage", usage: expect.objectContaining(usage) },
      ],
    ]);
  });

  it("decodes a non-stream generate with a raw prompt and an image", () => {
    const exchange = decodeFixture("generate.json");
    expect(exchange).toMatchObject({ kind: "completion", model: "llama3.2:3b-instruct-fp16", testId: null });
    const [user] = exchange.request.messages;
    expect(exchange.request.messages).toHaveLength(1);
    expect(user?.role).toBe("user");
    expect(user?.parts[0]).toMatchObject({ type: "text" });
    expect(user?.parts[0]?.type === "text" && user.parts[0].text.startsWith("<|begin_of_text|>")).toBe(true);
    expect(user?.parts[1]).toMatchObject({ type: "image", mediaType: "image/png" });
    expect(user?.parts[1]?.type === "image" && user.parts[1].url.startsWith(PNG_PREFIX)).toBe(true);
    expect(exchange.request.params).toEqual({
      raw: true,
      options: { temperature: 0, top_p: 0.9 },
      stream: false,
    });

    const response = message(exchange);
    expect(response.streaming).toBe(false);
    expect(response.chunks).toEqual([]);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "The capital of France is Paris.",
        reasoning: "",
        toolCalls: [],
        finishReason: "stop",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 31, outputTokens: 8, totalTokens: 39 });
  });

  it("names the JSON path of a malformed stream chunk", () => {
    const decoded = decodeText(fixtureText("generate-stream-malformed.json"));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toMatch(/^schema mismatch at response\.body\[1\]\.__data__\.response: /);
  });

  it("rejects a stream that mixes response types, at the offending __type__", () => {
    const shape = z.looseObject({
      response: z.looseObject({ body: z.array(z.looseObject({ __type__: z.string() })) }),
    });
    const raw = shape.parse(JSON.parse(fixtureText("generate-stream-thinking.json")));
    const third = raw.response.body[2];
    if (third) third.__type__ = "ollama._types.ChatResponse";
    const decoded = decodeValue(raw);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(/at response\.body\[2\]\.__type__: expected/);
  });
});
