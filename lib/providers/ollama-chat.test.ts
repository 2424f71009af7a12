import { describe, expect, it } from "vitest";
import type { Exchange } from "@/lib/model/exchange";
import { fixturesIn } from "./fixtures/load-fixture";

const { exchangeOf: decodeFixture } = fixturesIn("ollama");

function message(exchange: Exchange) {
  if (exchange.response.type !== "message") throw new Error(`not a message: ${exchange.response.type}`);
  return exchange.response;
}

describe("ollama chat", () => {
  it("reassembles a streamed chat whose chunk carries two whole tool calls", () => {
    const exchange = decodeFixture("chat-stream-tool-call.json");
    expect(exchange).toMatchObject({
      family: "ollama",
      kind: "chat",
      provider: "ollama",
      model: "llama3.2-vision:11b",
      responseType: "ollama._types.ChatResponse",
      testId:
        "tests/integration/inference/test_tools.py::test_ollama_chat_tool_calling_streaming[txt=ollama/llama3.2-vision:11b]",
      notes: [],
    });

    const { messages, tools, params } = exchange.request;
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages[1]?.parts[0]).toEqual({
      type: "text",
      text: "Where was this photo taken? Tell me the weather and the time there.",
    });
    expect(messages[1]?.parts[1]).toMatchObject({ type: "image", mediaType: "image/jpeg" });
    const image = messages[1]?.parts[1];
    expect(image?.type === "image" && image.url.startsWith("data:image/jpeg;base64,/9j/")).toBe(true);
    expect(tools.map((tool) => tool.name)).toEqual(["get_weather", "get_time"]);
    expect(tools[0]).toMatchObject({
      description: "Get the current weather for a city",
      parameters: { type: "object", required: ["city"] },
    });
    expect(params).toEqual({ options: { temperature: 0 }, stream: true });

    const response = message(exchange);
    expect(response.streaming).toBe(true);
    const weatherArgs = '{"city":"Paris","unit":"celsius"}';
    const timeArgs = '{"city":"Paris"}';
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Looks like Paris.",
        reasoning: "",
        toolCalls: [
          {
            index: 0,
            id: null,
            name: "get_weather",
            arguments: weatherArgs,
            fragments: [weatherArgs],
            parsedArguments: { ok: true, value: { city: "Paris", unit: "celsius" } },
          },
          {
            index: 1,
            id: null,
            name: "get_time",
            arguments: timeArgs,
            fragments: [timeArgs],
            parsedArguments: { ok: true, value: { city: "Paris" } },
          },
        ],
        finishReason: "stop",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 152, outputTokens: 41, totalTokens: 193 });
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [
        { type: "role", choice: 0, role: "assistant" },
        { type: "text", choice: 0, text: "Looks like", range: { start: 0, end: 10 } },
      ],
      [{ type: "text", choice: 0, text: " Paris.", range: { start: 10, end: 17 } }],
      [
        {
          type: "tool-call",
          choice: 0,
          toolIndex: 0,
          id: null,
          name: "get_weather",
          arguments: weatherArgs,
          range: { start: 0, end: weatherArgs.length },
        },
        {
          type: "tool-call",
          choice: 0,
          toolIndex: 1,
          id: null,
          name: "get_time",
          arguments: timeArgs,
          range: { start: 0, end: timeArgs.length },
        },
      ],
      [
        { type: "finish", choice: 0, reason: "stop" },
        { type: "usage", usage: expect.objectContaining({ inputTokens: 152, outputTokens: 41 }) },
      ],
    ]);
  });

  it("reads assistant tool calls, thinking and tool results in the request history", () => {
    const exchange = decodeFixture("chat-tool-result.json");
    expect(exchange.request.messages).toEqual([
      {
        role: "user",
        parts: [{ type: "text", text: "What's the weather in Paris?" }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "assistant",
        parts: [{ type: "other", label: "thinking", value: "I should call the weather tool." }],
        name: null,
        toolCallId: null,
        toolCalls: [{ id: null, name: "get_weather", arguments: '{"city":"Paris"}' }],
      },
      {
        role: "tool",
        parts: [{ type: "text", text: '{"temperature": 18, "sky": "cloudy"}' }],
        name: "get_weather",
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(exchange.request.params).toEqual({ stream: false, keep_alive: "5m" });

    const response = message(exchange);
    expect(response.streaming).toBe(false);
    expect(response.chunks).toEqual([]);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "It is 18 °C and cloudy in Paris.",
        reasoning: "",
        toolCalls: [],
        finishReason: "stop",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 64, outputTokens: 13, totalTokens: 77 });
  });
});
