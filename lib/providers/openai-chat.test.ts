import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import { decodeValue } from "@/lib/recording/decode";
import { fixturesIn } from "./fixtures/load-fixture";
import { openaiChatDecoder } from "./openai-chat";

const { exchangeOf, fixtureText, messageOf } = fixturesIn("openai");

const usage = (inputTokens: number, outputTokens: number, reasoningTokens: number | null) => ({
  inputTokens,
  outputTokens,
  totalTokens: inputTokens + outputTokens,
  reasoningTokens,
  raw: expect.anything(),
});

describe("openai-chat model", () => {
  const base = envelopeSchema.parse(JSON.parse(fixtureText("chat-stream-text.json")));
  const withRequest = (request: Record<string, unknown>) => ({ ...base, request });
  const body = { messages: [{ role: "user", content: "Hi" }], stream: true };

  it("falls back to the request model, then to the model the response reports", () => {
    const fromRequest = openaiChatDecoder.decode(
      withRequest({ ...base.request, body, model: "gpt-4o-alias" }),
    );
    expect(fromRequest.model).toBe("gpt-4o-alias");
    const fromResponse = openaiChatDecoder.decode(withRequest({ ...base.request, body, model: "" }));
    expect(fromResponse.model).toBe("gpt-4o-2024-08-06");
  });
});

describe("openai-chat non-stream", () => {
  it("reads tool calls and a multi-turn request with a tool result", () => {
    const exchange = exchangeOf("chat-tools.json");
    const response = messageOf("chat-tools.json");
    expect(response.streaming).toBe(false);
    expect(response.chunks).toEqual([]);
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
            id: "call_lima02",
            name: "get_weather",
            arguments: '{"city": "Lima", "unit": "f"}',
            fragments: ['{"city": "Lima", "unit": "f"}'],
            parsedArguments: { ok: true, value: { city: "Lima", unit: "f" } },
          },
          {
            index: 1,
            id: "call_quito03",
            name: "get_weather",
            arguments: '{"city": "Quito", "unit": "f"}',
            fragments: ['{"city": "Quito", "unit": "f"}'],
            parsedArguments: { ok: true, value: { city: "Quito", unit: "f" } },
          },
        ],
      },
    ]);
    expect(response.usage).toEqual(usage(118, 41, null));
    expect(exchange.request.params).toEqual({ tool_choice: "auto", stream: false });
    expect(exchange.request.messages.map((m) => m.role)).toEqual([
      "developer",
      "user",
      "assistant",
      "tool",
      "user",
    ]);
    expect(exchange.request.messages[2]).toEqual({
      role: "assistant",
      parts: [],
      name: null,
      toolCallId: null,
      toolCalls: [{ id: "call_rome01", name: "get_weather", arguments: '{"city": "Rome"}' }],
    });
    expect(exchange.request.messages[3]).toEqual({
      role: "tool",
      parts: [{ type: "text", text: "22C, sunny" }],
      name: null,
      toolCallId: "call_rome01",
      toolCalls: [],
    });
  });

  it("reads a multimodal request with http and data URL images", () => {
    const exchange = exchangeOf("chat-multimodal.json");
    const parts = exchange.request.messages[0]?.parts;
    expect(parts?.slice(0, 3)).toEqual([
      { type: "text", text: "Compare these two images." },
      { type: "image", url: "https://upload.example.org/photos/dog.jpg", mediaType: null },
      { type: "image", url: expect.stringMatching(/^data:image\/png;base64,iVBOR/), mediaType: "image/png" },
    ]);
    expect(parts?.slice(3).map((part) => part.type === "other" && part.label)).toEqual([
      "input_audio",
      "file",
    ]);
    expect(messageOf("chat-multimodal.json").choices[0]?.content).toBe(
      "The first shows a dog; the second is a single pixel.",
    );
  });

  it("claims an unknown class by its shape and joins content parts", () => {
    const exchange = exchangeOf("chat-unknown-class.json");
    expect(exchange.family).toBe("openai-chat");
    expect(exchange.notes).toEqual([
      'Unknown response type vllm.entrypoints.openai.protocol.ChatCompletionResponse; decoded by its shape (object "chat.completion").',
    ]);
    expect(messageOf("chat-unknown-class.json").choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Lima is the capital.",
        reasoning: "Peru's capital is Lima.",
        toolCalls: [],
        finishReason: "stop",
      },
    ]);
  });

  it("names the path of a message that is not an object", () => {
    const raw = envelopeSchema.parse(JSON.parse(fixtureText("chat-tools.json")));
    const broken = {
      ...raw,
      response: {
        ...raw.response,
        body: { __type__: "ChatCompletion", __data__: { choices: [{ message: 3 }] } },
      },
    };
    const decoded = decodeValue(broken);
    expect(!decoded.ok && decoded.reason).toMatch(
      /^schema mismatch at response\.body\.__data__\.choices\[0\]\.message: /,
    );
  });
});
