import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import { decodeValue } from "@/lib/recording/decode";
import { SchemaMismatch } from "./decoder";
import { fixturesIn } from "./fixtures/load-fixture";
import { openaiChatDecoder } from "./openai-chat";

const { decodeFixture, exchangeOf, fixtureText, messageOf } = fixturesIn("openai");

const usage = (inputTokens: number, outputTokens: number, reasoningTokens: number | null) => ({
  inputTokens,
  outputTokens,
  totalTokens: inputTokens + outputTokens,
  reasoningTokens,
  raw: expect.anything(),
});

describe("openai-chat stream", () => {
  it("reassembles a text stream whose last chunk carries only usage", () => {
    const exchange = exchangeOf("chat-stream-text.json");
    expect(exchange).toMatchObject({
      family: "openai-chat",
      kind: "chat",
      provider: "openai-compatible",
      providerDetail: "api.openai.com",
      model: "gpt-4o",
      testId:
        "tests/integration/inference/test_openai_completion.py::test_openai_chat_completion_streaming[txt=openai/gpt-4o-inference:chat_completion:streaming_01]",
      responseType: "openai.types.chat.chat_completion_chunk.ChatCompletionChunk",
      notes: [],
    });
    expect(exchange.request).toMatchObject({
      method: "POST",
      endpoint: "/v1/chat/completions",
      host: "api.openai.com",
      tools: [],
      params: { stream: true, stream_options: { include_usage: true }, temperature: 0 },
    });
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["system", [{ type: "text", text: "Answer briefly." }]],
      ["user", [{ type: "text", text: "Name a color of the sky." }]],
    ]);

    const response = messageOf("chat-stream-text.json");
    expect(response.streaming).toBe(true);
    expect(response.model).toBe("gpt-4o-2024-08-06");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "The sky is blue.",
        reasoning: "",
        toolCalls: [],
        finishReason: "stop",
      },
    ]);
    expect(response.usage).toEqual(usage(12, 7, 0));
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [{ type: "role", choice: 0, role: "assistant" }],
      [{ type: "text", choice: 0, text: "The sky", range: { start: 0, end: 7 } }],
      [{ type: "text", choice: 0, text: " is", range: { start: 7, end: 10 } }],
      [{ type: "text", choice: 0, text: " blue.", range: { start: 10, end: 16 } }],
      [{ type: "finish", choice: 0, reason: "stop" }],
      [{ type: "usage", usage: usage(12, 7, 0) }],
    ]);
    const raw: unknown = JSON.parse(fixtureText("chat-stream-text.json"));
    expect(response.chunks.map((chunk) => chunk.raw)).toEqual(envelopeSchema.parse(raw).response.body);
  });

  it("joins two parallel tool calls whose fragments interleave by index", () => {
    const response = messageOf("chat-stream-parallel-tools.json");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "",
        reasoning: "",
        finishReason: "tool_calls",
        toolCalls: [
          {
            index: 0,
            id: "call_paris01",
            name: "get_weather",
            arguments: '{"city": "Paris"}',
            fragments: ['{"ci', 'ty": "Paris"}'],
            parsedArguments: { ok: true, value: { city: "Paris" } },
          },
          {
            index: 1,
            id: "call_oslo02",
            name: "get_weather",
            arguments: '{"city": "Oslo"}',
            fragments: ['{"city":', ' "Oslo"}'],
            parsedArguments: { ok: true, value: { city: "Oslo" } },
          },
        ],
      },
    ]);
    const piece = (
      toolIndex: number,
      id: string | null,
      name: string | null,
      args: string,
      start: number,
    ) => ({
      type: "tool-call",
      choice: 0,
      toolIndex,
      id,
      name,
      arguments: args,
      range: { start, end: start + args.length },
    });
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [{ type: "role", choice: 0, role: "assistant" }],
      [piece(0, "call_paris01", "get_weather", "", 0)],
      [piece(1, "call_oslo02", "get_weather", "", 0)],
      [piece(0, null, null, '{"ci', 0)],
      [piece(1, null, null, '{"city":', 0)],
      [piece(0, null, null, 'ty": "Paris"}', 4)],
      [piece(1, null, null, ' "Oslo"}', 8)],
      [{ type: "finish", choice: 0, reason: "tool_calls" }],
    ]);
    expect(exchangeOf("chat-stream-parallel-tools.json").request.tools).toEqual([
      {
        name: "get_weather",
        description: "Current weather for a city",
        parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
    ]);
  });

  it("reads reasoning under both field names, once when a chunk repeats it in both", () => {
    const exchange = exchangeOf("chat-stream-reasoning.json");
    expect(exchange.providerDetail).toBe("localhost:8000");
    expect(exchange.model).toBe("Qwen/Qwen3-0.6B");
    const response = messageOf("chat-stream-reasoning.json");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "2 + 3 = 5",
        reasoning: "Add 2 and 3. Five.",
        toolCalls: [],
        finishReason: "stop",
      },
    ]);
    expect(response.usage).toEqual(usage(14, 9, 5));
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [{ type: "role", choice: 0, role: "assistant" }],
      [{ type: "reasoning", choice: 0, text: "Add 2", range: { start: 0, end: 5 } }],
      [{ type: "reasoning", choice: 0, text: " and 3.", range: { start: 5, end: 12 } }],
      [{ type: "reasoning", choice: 0, text: " Five.", range: { start: 12, end: 18 } }],
      [{ type: "text", choice: 0, text: "2 + 3 = 5", range: { start: 0, end: 9 } }],
      [
        { type: "finish", choice: 0, reason: "stop" },
        { type: "usage", usage: usage(14, 9, 5) },
      ],
    ]);
  });

  it("keeps the choices of an n=2 stream apart", () => {
    const response = messageOf("chat-stream-n2.json");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Hello there",
        reasoning: "",
        toolCalls: [],
        finishReason: "stop",
      },
      { index: 1, role: "assistant", content: "Hi!", reasoning: "", toolCalls: [], finishReason: "length" },
    ]);
    expect(response.chunks.slice(2, 6).map((chunk) => chunk.deltas)).toEqual([
      [{ type: "text", choice: 1, text: "Hi", range: { start: 0, end: 2 } }],
      [{ type: "text", choice: 0, text: "Hello", range: { start: 0, end: 5 } }],
      [{ type: "text", choice: 0, text: " there", range: { start: 5, end: 11 } }],
      [{ type: "text", choice: 1, text: "!", range: { start: 2, end: 3 } }],
    ]);
  });

  it("counts logprobs tokens and tolerates a first chunk with no choices", () => {
    const response = messageOf("chat-stream-logprobs.json");
    expect(response.choices[0]?.content).toBe("Australia.");
    expect(response.usage).toBeNull();
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [],
      [{ type: "role", choice: 0, role: "assistant" }],
      [
        { type: "text", choice: 0, text: "Australia", range: { start: 0, end: 9 } },
        { type: "logprobs", choice: 0, count: 1 },
      ],
      [
        { type: "text", choice: 0, text: ".", range: { start: 9, end: 10 } },
        { type: "logprobs", choice: 0, count: 1 },
      ],
      [{ type: "finish", choice: 0, reason: "stop" }],
    ]);
  });

  it("claims litellm ModelResponseStream chunks and takes providerDetail from provider_metadata", () => {
    const exchange = exchangeOf("chat-stream-litellm.json");
    expect(exchange).toMatchObject({
      family: "openai-chat",
      providerDetail: "litellm",
      responseType: "litellm.types.utils.ModelResponseStream",
      notes: [],
    });
    expect(messageOf("chat-stream-litellm.json").choices[0]?.content).toBe("Hey!");
  });

  it("names the JSON path of a chunk whose choices is not a list", () => {
    const decoded = decodeFixture("chat-stream-malformed.json");
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toMatch(/^schema mismatch at response\.body\[2\]\.__data__\.choices: /);

    const envelope = envelopeSchema.parse(JSON.parse(fixtureText("chat-stream-malformed.json")));
    expect(openaiChatDecoder.claims(envelope)).toBe(true);
    expect(() => openaiChatDecoder.decode(envelope)).toThrow(SchemaMismatch);
    try {
      openaiChatDecoder.decode(envelope);
    } catch (error) {
      expect(error instanceof SchemaMismatch && error.path).toBe("response.body[2].__data__.choices");
    }
  });

  it("names the path of a chunk that is not wrapped", () => {
    const raw: unknown = JSON.parse(fixtureText("chat-stream-text.json"));
    const envelope = envelopeSchema.parse(raw);
    const body = envelope.response.body;
    if (!Array.isArray(body)) throw new Error("expected a list");
    const broken = { ...envelope, response: { ...envelope.response, body: [...body.slice(0, 3), 7] } };
    const decoded = decodeValue(broken);
    expect(!decoded.ok && decoded.reason).toMatch(/^schema mismatch at response\.body\[3\]: /);
  });

  it("names an element that is not wrapped before an earlier chunk that does not fit", () => {
    const envelope = envelopeSchema.parse(JSON.parse(fixtureText("chat-stream-malformed.json")));
    const body = envelope.response.body;
    if (!Array.isArray(body)) throw new Error("expected a list");
    const broken = { ...envelope, response: { ...envelope.response, body: [...body, "oops"] } };
    const decoded = decodeValue(broken);
    expect(!decoded.ok && decoded.reason).toMatch(
      new RegExp(`^schema mismatch at response\\.body\\[${body.length}\\]: `),
    );
  });

  it("keeps interleaved choices apart", () => {
    const envelope = envelopeSchema.parse(JSON.parse(fixtureText("chat-stream-text.json")));
    const wrap = (choices: unknown[]) => ({
      __type__: "openai.types.chat.chat_completion_chunk.ChatCompletionChunk",
      __data__: { id: "c", object: "chat.completion.chunk", model: "gpt-4o", choices },
    });
    const piece = (index: number, content: string) => ({ index, delta: { content }, finish_reason: null });
    const body = [
      wrap([piece(1, "B1"), piece(0, "A1")]),
      wrap([piece(0, "A2")]),
      wrap([piece(1, "B2")]),
      wrap([piece(0, "A3"), piece(1, "B3")]),
    ];
    const exchange = openaiChatDecoder.decode({ ...envelope, response: { ...envelope.response, body } });
    if (exchange.response.type !== "message") throw new Error("expected a message");
    const { chunks, choices } = exchange.response;
    expect(choices.map((choice) => [choice.index, choice.content])).toEqual([
      [0, "A1A2A3"],
      [1, "B1B2B3"],
    ]);
    expect(chunks[3]?.deltas).toEqual([
      { type: "text", choice: 0, text: "A3", range: { start: 4, end: 6 } },
      { type: "text", choice: 1, text: "B3", range: { start: 4, end: 6 } },
    ]);
    expect(chunks.map((chunk) => chunk.deltas.length)).toEqual([2, 1, 1, 2]);
  });
});
