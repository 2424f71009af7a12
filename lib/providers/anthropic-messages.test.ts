import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import { decodeValue } from "@/lib/recording/decode";
import { anthropicMessagesDecoder } from "./anthropic-messages";
import { exchangeOfValue as decode, fixturesIn } from "./fixtures/load-fixture";

const { fixtureObject: fixture } = fixturesIn("");

function streamLines(raw: Record<string, unknown>): string[] {
  const body = envelopeSchema.parse(raw).response.body;
  if (!Array.isArray(body)) throw new Error("not a stream");
  return body.map(String);
}

function withLines(raw: Record<string, unknown>, lines: string[]): Record<string, unknown> {
  const envelope = envelopeSchema.parse(raw);
  return { ...raw, response: { ...envelope.response, body: lines } };
}

describe("anthropic messages stream", () => {
  const exchange = decode(fixture("anthropic-messages/stream-thinking-tool.json"));

  it("is claimed by the anthropic decoder with the request's identity", () => {
    expect(exchange.family).toBe("anthropic-messages");
    expect(exchange.kind).toBe("messages");
    expect(exchange.provider).toBe("anthropic");
    expect(exchange.providerDetail).toBe("api.anthropic.com");
    expect(exchange.model).toBe("claude-sonnet-4-5");
    expect(exchange.testId).toBe(
      "tests/integration/messages/test_messages.py::test_messages_streaming_tool_use_with_thinking[txt=anthropic/claude-sonnet-4-5]",
    );
    expect(exchange.responseType).toBeNull();
    expect(exchange.notes).toEqual([]);
  });

  it("reads the request: system blocks, an image, tools and the other parameters", () => {
    const { request } = exchange;
    expect(request.method).toBe("POST");
    expect(request.endpoint).toBe("/v1/messages");
    expect(request.host).toBe("api.anthropic.com");
    expect(request.messages).toEqual([
      {
        role: "system",
        parts: [{ type: "text", text: "You are a concise weather assistant." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "user",
        parts: [
          { type: "text", text: "What's the weather in Lisbon? Here is the sky right now." },
          {
            type: "image",
            url: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
            mediaType: "image/png",
          },
        ],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(request.tools.map((tool) => [tool.name, tool.description])).toEqual([
      ["get_weather", "Get the current weather for a city."],
    ]);
    expect(request.tools[0]?.parameters).toMatchObject({ type: "object", required: ["city"] });
    expect(request.params).toEqual({
      max_tokens: 2048,
      thinking: { type: "enabled", budget_tokens: 1024 },
      stream: true,
    });
  });

  it("reassembles thinking, text and the tool call exactly", () => {
    const response = exchange.response;
    if (response.type !== "message") throw new Error(response.type);
    expect(response.streaming).toBe(true);
    expect(response.model).toBe("claude-sonnet-4-5");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Let me check the weather in Lisbon.",
        reasoning: "The user wants the weather in Lisbon. I should call get_weather.",
        toolCalls: [
          {
            index: 0,
            id: "toolu_01TapedeckLisbon",
            name: "get_weather",
            arguments: '{"city": "Lisbon", "unit": "celsius"}',
            fragments: ['{"city": "Lis', 'bon", "unit": ', '"celsius"}'],
            parsedArguments: { ok: true, value: { city: "Lisbon", unit: "celsius" } },
          },
        ],
        finishReason: "tool_use",
      },
    ]);
    expect(response.usage).toMatchObject({
      inputTokens: 412,
      outputTokens: 87,
      totalTokens: 499,
      reasoningTokens: null,
    });
  });

  it("makes one chunk per SSE event with the deltas and their ranges", () => {
    const response = exchange.response;
    if (response.type !== "message") throw new Error(response.type);
    expect(response.chunks).toHaveLength(19);
    expect(response.chunks.map((chunk) => chunk.index)).toEqual([...Array(19).keys()]);
    const deltas = response.chunks.map((chunk) => chunk.deltas);
    expect(deltas[0]?.[0]).toEqual({ type: "role", choice: 0, role: "assistant" });
    expect(deltas[0]?.[1]).toMatchObject({ type: "usage", usage: { inputTokens: 412, outputTokens: 3 } });
    expect(deltas[1]).toEqual([{ type: "event", label: "content_block_start thinking" }]);
    expect(deltas[2]).toEqual([{ type: "event", label: "ping" }]);
    expect(deltas[3]).toEqual([
      {
        type: "reasoning",
        choice: 0,
        text: "The user wants the weather in Lisbon.",
        range: { start: 0, end: 37 },
      },
    ]);
    expect(deltas[4]).toEqual([
      { type: "reasoning", choice: 0, text: " I should call get_weather.", range: { start: 37, end: 64 } },
    ]);
    expect(deltas[5]).toEqual([{ type: "event", label: "signature_delta" }]);
    expect(deltas[8]).toEqual([
      { type: "text", choice: 0, text: "Let me check ", range: { start: 0, end: 13 } },
    ]);
    expect(deltas[9]).toEqual([
      { type: "text", choice: 0, text: "the weather in Lisbon.", range: { start: 13, end: 35 } },
    ]);
    const tool = { type: "tool-call", choice: 0, toolIndex: 0 };
    expect(deltas[11]).toEqual([
      {
        ...tool,
        id: "toolu_01TapedeckLisbon",
        name: "get_weather",
        arguments: "",
        range: { start: 0, end: 0 },
      },
    ]);
    expect(deltas[12]).toEqual([
      { ...tool, id: null, name: null, arguments: "", range: { start: 0, end: 0 } },
    ]);
    expect(deltas[13]).toEqual([
      { ...tool, id: null, name: null, arguments: '{"city": "Lis', range: { start: 0, end: 13 } },
    ]);
    expect(deltas[14]).toEqual([
      { ...tool, id: null, name: null, arguments: 'bon", "unit": ', range: { start: 13, end: 27 } },
    ]);
    expect(deltas[15]).toEqual([
      { ...tool, id: null, name: null, arguments: '"celsius"}', range: { start: 27, end: 37 } },
    ]);
    expect(deltas[17]?.[0]).toEqual({ type: "finish", choice: 0, reason: "tool_use" });
    expect(deltas[17]?.[1]).toMatchObject({ type: "usage", usage: { inputTokens: null, outputTokens: 87 } });
    expect(deltas[18]).toEqual([{ type: "event", label: "message_stop" }]);
    expect(response.chunks[3]?.raw).toEqual({
      event: "content_block_delta",
      data: {
        type: "content_block_delta",
        index: 0,
        delta: { type: "thinking_delta", thinking: "The user wants the weather in Lisbon." },
      },
    });
  });

  it("counts a tool_use block whose input is given at start as its arguments", () => {
    const raw = fixture("anthropic-messages/stream-thinking-tool.json");
    const lines = streamLines(raw);
    // Event 11 (lines 33-35) starts the tool block; drop its input_json_delta events (12-15).
    lines[34] =
      'data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_02","name":"get_weather","input":{"city":"Faro"}}}';
    lines.splice(36, 12);
    const response = decode(withLines(raw, lines)).response;
    if (response.type !== "message") throw new Error(response.type);
    expect(response.choices[0]?.toolCalls).toEqual([
      {
        index: 0,
        id: "toolu_02",
        name: "get_weather",
        arguments: '{"city":"Faro"}',
        fragments: ['{"city":"Faro"}'],
        parsedArguments: { ok: true, value: { city: "Faro" } },
      },
    ]);
  });

  it("keeps a stream that carries content before an error event, with a note", () => {
    const raw = fixture("anthropic-messages/stream-thinking-tool.json");
    const lines = streamLines(raw);
    lines.splice(
      -3,
      3,
      "event: error",
      'data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      "",
    );
    const exchange = decode(withLines(raw, lines));
    const response = exchange.response;
    if (response.type !== "message") throw new Error(response.type);
    expect(response.choices[0]?.content).toBe("Let me check the weather in Lisbon.");
    expect(response.chunks.at(-1)?.deltas).toEqual([
      { type: "event", label: "error: overloaded_error: Overloaded" },
    ]);
    expect(exchange.notes).toEqual(["the stream carries an error event (overloaded_error: Overloaded)"]);
  });
});

describe("anthropic messages errors", () => {
  it("turns a stream that is only an error event into an error", () => {
    const exchange = decode(fixture("anthropic-messages/stream-error-event.json"));
    expect(exchange.family).toBe("anthropic-messages");
    expect(exchange.kind).toBe("messages");
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "overloaded_error",
        status: null,
        message: "Overloaded",
        body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
      },
    });
  });

  it("names the data line holding invalid JSON", () => {
    const decoded = decodeValue(fixture("anthropic-messages/malformed-data.json"));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toMatch(
      /^schema mismatch at response\.body\[4\]: the data of this event is not valid JSON/,
    );
  });

  it("names the field of a delta with the wrong type", () => {
    const raw = fixture("anthropic-messages/stream-thinking-tool.json");
    const lines = streamLines(raw);
    lines[25] = 'data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":5}}';
    const decoded = decodeValue(withLines(raw, lines));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toMatch(/^schema mismatch at response\.body\[25\]\.delta\.text: /);
  });
});

describe("anthropic messages non-stream", () => {
  const exchange = decode(fixture("anthropic-messages/message-tool-use.json"));

  it("reads the message body", () => {
    expect(exchange.family).toBe("anthropic-messages");
    expect(exchange.kind).toBe("messages");
    expect(exchange.model).toBe("claude-sonnet-4-5");
    const response = exchange.response;
    if (response.type !== "message") throw new Error(response.type);
    expect(response.streaming).toBe(false);
    expect(response.chunks).toEqual([]);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Lisbon is 18°C and sunny. Now checking Porto.",
        reasoning: "Lisbon is done; Porto needs a call.",
        toolCalls: [
          {
            index: 0,
            id: "toolu_01Porto",
            name: "get_weather",
            arguments: '{"city":"Porto","unit":"celsius"}',
            fragments: ['{"city":"Porto","unit":"celsius"}'],
            parsedArguments: { ok: true, value: { city: "Porto", unit: "celsius" } },
          },
        ],
        finishReason: "tool_use",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 530, outputTokens: 41, totalTokens: 571 });
  });

  it("reads a history with tool_use and tool_result blocks", () => {
    const { messages, params } = exchange.request;
    expect(messages.map((message) => message.role)).toEqual(["system", "user", "assistant", "tool", "user"]);
    expect(messages[2]).toEqual({
      role: "assistant",
      parts: [{ type: "text", text: "Checking Lisbon first." }],
      name: null,
      toolCallId: null,
      toolCalls: [{ id: "toolu_01Lisbon", name: "get_weather", arguments: '{"city":"Lisbon"}' }],
    });
    expect(messages[3]).toEqual({
      role: "tool",
      parts: [{ type: "text", text: "18°C and sunny" }],
      name: null,
      toolCallId: "toolu_01Lisbon",
      toolCalls: [],
    });
    expect(messages[4]?.parts).toEqual([{ type: "text", text: "Now Porto, please." }]);
    expect(params).toEqual({ max_tokens: 512, temperature: 0, stream: false });
  });
});

describe("anthropic claims", () => {
  it("leaves error bodies, interactions streams and inference requests alone", () => {
    for (const name of [
      "raw-http/messages-400.json",
      "raw-http/interactions-stream.json",
      "exception/chat.json",
    ]) {
      expect(anthropicMessagesDecoder.claims(envelopeSchema.parse(fixture(name)))).toBe(false);
    }
  });
});
