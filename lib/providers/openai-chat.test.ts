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

  it("states the request's fields in the order the JSON views print them", () => {
    const { request } = openaiChatDecoder.decode(withRequest({ ...base.request, body }));
    expect(Object.keys(request)).toEqual([
      "method",
      "url",
      "endpoint",
      "host",
      "messages",
      "tools",
      "params",
      "body",
    ]);
    expect(request.params).toEqual({ stream: true });
    expect(request.messages).toEqual([
      { role: "user", parts: [{ type: "text", text: "Hi" }], name: null, toolCallId: null, toolCalls: [] },
    ]);
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

  it("names the path of any field of a completion that does not fit, as the schema states it", () => {
    const raw = envelopeSchema.parse(JSON.parse(fixtureText("chat-tools.json")));
    const reason = (data: unknown) => {
      const decoded = decodeValue({
        ...raw,
        response: { ...raw.response, body: { __type__: "ChatCompletion", __data__: data } },
      });
      return decoded.ok ? null : decoded.reason;
    };
    const message = { role: "assistant", content: "Hi" };
    expect(reason({ choices: [{ index: null, message }] })).toMatch(
      /at response\.body\.__data__\.choices\[0\]\.index: /,
    );
    expect(reason({ choices: [{ index: 0.5, message }] })).toMatch(
      /at response\.body\.__data__\.choices\[0\]\.index: /,
    );
    expect(reason({ choices: [{ message: { ...message, content: 7 } }] })).toMatch(
      /at response\.body\.__data__\.choices\[0\]\.message\.content: /,
    );
    expect(
      reason({ choices: [{ message: { ...message, tool_calls: [{ id: "c1", function: { name: 5 } }] } }] }),
    ).toMatch(/at response\.body\.__data__\.choices\[0\]\.message\.tool_calls\[0\]\.function\.name: /);
    expect(reason({ choices: "none" })).toMatch(/at response\.body\.__data__\.choices: /);
    expect(reason({ choices: [{ message }], model: 3 })).toMatch(/at response\.body\.__data__\.model: /);
    // What fits is read as before: no index is the choice's position.
    expect(reason({ choices: [{ message, finish_reason: null }], model: null, usage: null })).toBeNull();
  });
});

describe("openai-chat over HTTP (cassettes)", () => {
  it("reassembles a Groq SSE stream: reasoning, text, parallel tool calls, usage", () => {
    const exchange = exchangeOf("http-chat-stream-groq.json");
    expect(exchange).toMatchObject({
      family: "openai-chat",
      kind: "chat",
      provider: "openai-compatible",
      providerDetail: "api.groq.com",
      model: "openai/gpt-oss-20b",
      testId: "tests/models/test_groq.py::test_parallel_tools",
      responseType: null,
      notes: [],
    });
    expect(exchange.request).toMatchObject({ endpoint: "/openai/v1/chat/completions", host: "api.groq.com" });
    expect(exchange.request.params).toEqual({ stream: true, stream_options: { include_usage: true } });
    expect(exchange.request.tools.map((tool) => tool.name)).toEqual(["get_weather"]);
    const response = messageOf("http-chat-stream-groq.json");
    expect(response.streaming).toBe(true);
    // Nine data events; `[DONE]` is not a chunk.
    expect(response.chunks).toHaveLength(9);
    expect(response.chunks[1]?.raw).toMatchObject({
      choices: [{ delta: { reasoning: "User wants weather" } }],
    });
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Checking both.",
        reasoning: "User wants weather for two cities.",
        finishReason: "tool_calls",
        toolCalls: [
          {
            index: 0,
            id: "fc_4e3b",
            name: "get_weather",
            arguments: '{"city":"Lima"}',
            fragments: ['{"city":', '"Lima"}'],
            parsedArguments: { ok: true, value: { city: "Lima" } },
          },
          {
            index: 1,
            id: "fc_9a71",
            name: "get_weather",
            arguments: '{"city":"Oslo"}',
            fragments: ['{"city":"Oslo"}'],
            parsedArguments: { ok: true, value: { city: "Oslo" } },
          },
        ],
      },
    ]);
    expect(response.usage).toEqual(usage(187, 64, 21));
  });

  it("reads a plain chat.completion from llama.cpp on 127.0.0.1 at /chat/completions", () => {
    const exchange = exchangeOf("http-chat-llamacpp.json");
    expect(exchange).toMatchObject({ providerDetail: "127.0.0.1:8080", model: "unsloth/Qwen3.5-2B-GGUF" });
    expect(exchange.request.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(exchange.request.params).toEqual({ temperature: 0.2 });
    expect(messageOf("http-chat-llamacpp.json").choices[0]).toMatchObject({
      content: "Lima.",
      reasoning: "Peru's capital is Lima.",
      finishReason: "stop",
    });
  });

  it("reads Mistral's thinking parts as reasoning", () => {
    expect(messageOf("http-chat-stream-mistral-thinking.json").choices[0]).toMatchObject({
      content: "4",
      reasoning: "Simple sum.",
      finishReason: "stop",
    });
  });

  it("claims error replies by path (Alibaba compatible-mode)", () => {
    const exchange = exchangeOf("http-chat-error-alibaba.json");
    expect(exchange).toMatchObject({ family: "openai-chat", providerDetail: "dashscope-intl.aliyuncs.com" });
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "invalid_request_error",
        status: 400,
        message:
          '<400> InternalError.Algo.InvalidParameter: tool_choice "required" is not supported in thinking mode',
        body: expect.objectContaining({ id: "chatcmpl-3bxGn_P2bqG9XCQY" }),
      },
    });
  });

  it("makes a stream that only carries an error chunk an error (OpenRouter, comments first)", () => {
    expect(exchangeOf("http-chat-stream-openrouter-error.json").response).toEqual({
      type: "error",
      error: {
        type: "400",
        status: 200,
        message: "Provider returned error",
        body: expect.objectContaining({ provider: "Alibaba", choices: [] }),
      },
    });
  });

  it("notes an error event after text, and reads audio transcripts as text", () => {
    const raw = envelopeSchema.parse(JSON.parse(fixtureText("http-chat-stream-groq.json")));
    const chunk = (delta: object) =>
      `data: ${JSON.stringify({ object: "chat.completion.chunk", model: "gpt-audio", choices: [{ index: 0, delta }] })}\n\n`;
    const body =
      chunk({ role: "assistant", audio: { id: "audio_1", transcript: "Hello" } }) +
      chunk({ audio: { transcript: "." } }) +
      `data: ${JSON.stringify({ error: { message: "Cut short.", type: "invalid_request_error" } })}\n\n` +
      `data: ${JSON.stringify({ object: "chat.completion.chunk", usage: null, obfuscation: "x" })}\n\ndata: [DONE]\n\n`;
    const exchange = openaiChatDecoder.decode({ ...raw, response: { ...raw.response, body } });
    expect(exchange.response).toMatchObject({ type: "message", choices: [{ content: "Hello." }] });
    expect(exchange.notes).toEqual([
      "The reply is audio; its transcript is shown as the text.",
      "The stream carries an error event (invalid_request_error: Cut short.).",
    ]);
  });

  it("claims plain bodies only on chat paths or when their object says chat.completion", () => {
    const raw = envelopeSchema.parse(JSON.parse(fixtureText("http-chat-llamacpp.json")));
    const at = (url: string, body: unknown) => ({
      ...raw,
      request: { ...raw.request, url },
      response: { ...raw.response, body },
    });
    const choices = { choices: [{ index: 0, message: { role: "assistant", content: "x" } }] };
    expect(openaiChatDecoder.claims(at("https://host/v1/chat/completions", choices))).toBe(true);
    expect(openaiChatDecoder.claims(at("https://host/v1/other", choices))).toBe(false);
    expect(
      openaiChatDecoder.claims(at("https://host/openai", { ...choices, object: "chat.completion" })),
    ).toBe(true);
    // A chat request to a chat path is a chat call whatever came back (a mock server's echo).
    expect(openaiChatDecoder.claims(at("https://host/v1/chat/completions", "method=POST"))).toBe(true);
    const noRequest = {
      ...at("https://host/v1/chat/completions", "method=POST"),
      request: { ...raw.request, payload: null },
    };
    expect(openaiChatDecoder.claims(noRequest)).toBe(false);
  });

  it("shows a reply that is not a chat completion as it came, and says so", () => {
    const raw = envelopeSchema.parse(JSON.parse(fixtureText("http-chat-llamacpp.json")));
    const exchange = openaiChatDecoder.decode({ ...raw, response: { ...raw.response, body: "method=POST" } });
    expect(exchange.family).toBe("openai-chat");
    expect(exchange.response).toEqual({ type: "unknown", value: "method=POST" });
    expect(exchange.notes).toContain(
      'the reply to this chat request is not a chat completion: it is text ("method=POST")',
    );
  });
});
