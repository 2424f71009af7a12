import { describe, expect, it } from "vitest";
import { fixturesIn } from "./fixtures/load-fixture";

const { exchangeOf: decodeFixture } = fixturesIn("gemini");

const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==";

describe("gemini function calls", () => {
  const exchange = decodeFixture("function-call.json");

  it("reads the conversation: system instruction, calls, responses, inline images", () => {
    const none = { name: null, toolCallId: null, toolCalls: [] };
    expect(exchange.request.messages).toEqual([
      { role: "system", parts: [{ type: "text", text: "Use the tools when asked about weather." }], ...none },
      { role: "user", parts: [{ type: "text", text: "What's the weather in Rome?" }], ...none },
      {
        role: "assistant",
        parts: [],
        name: null,
        toolCallId: null,
        toolCalls: [{ id: null, name: "get_weather", arguments: '{"city":"Rome"}' }],
      },
      {
        role: "user",
        parts: [
          {
            type: "other",
            label: "function_response",
            value: { name: "get_weather", response: { result: "Sunny, 24 °C" } },
          },
        ],
        name: "get_weather",
        toolCallId: null,
        toolCalls: [],
      },
      { role: "assistant", parts: [{ type: "text", text: "It is sunny and 24 °C in Rome." }], ...none },
      {
        role: "user",
        parts: [
          { type: "text", text: "And in Paris and Tokyo? This is my view right now." },
          { type: "image", url: `data:image/png;base64,${PNG}`, mediaType: "image/png" },
        ],
        ...none,
      },
    ]);
    expect(exchange.request.tools).toEqual([
      {
        name: "get_weather",
        description: "Get the current weather for a city",
        parameters: {
          type: "object",
          properties: { city: { type: "string", description: "City name" } },
          required: ["city"],
          additionalProperties: false,
        },
      },
    ]);
    expect(exchange.request.params).toEqual({ temperature: 0 });
  });

  it("turns whole function calls into tool calls, one delta each, indexed by arrival", () => {
    if (exchange.response.type !== "message") throw new Error(exchange.response.type);
    const response = exchange.response;
    const paris = '{"city":"Paris"}';
    const tokyo = '{"city":"Tokyo"}';
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Checking both cities.",
        reasoning: "",
        toolCalls: [
          {
            index: 0,
            id: null,
            name: "get_weather",
            arguments: paris,
            fragments: [paris],
            parsedArguments: { ok: true, value: { city: "Paris" } },
          },
          {
            index: 1,
            id: "call-tokyo",
            name: "get_weather",
            arguments: tokyo,
            fragments: [tokyo],
            parsedArguments: { ok: true, value: { city: "Tokyo" } },
          },
        ],
        finishReason: "STOP",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 96, outputTokens: 14, totalTokens: 110 });
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [
        { type: "role", choice: 0, role: "assistant" },
        { type: "text", choice: 0, text: "Checking both cities.", range: { start: 0, end: 21 } },
      ],
      [
        {
          type: "tool-call",
          choice: 0,
          toolIndex: 0,
          id: null,
          name: "get_weather",
          arguments: paris,
          range: { start: 0, end: paris.length },
        },
        {
          type: "tool-call",
          choice: 0,
          toolIndex: 1,
          id: "call-tokyo",
          name: "get_weather",
          arguments: tokyo,
          range: { start: 0, end: tokyo.length },
        },
        { type: "finish", choice: 0, reason: "STOP" },
        { type: "usage", usage: expect.objectContaining({ inputTokens: 96, outputTokens: 14 }) },
      ],
    ]);
  });
});
