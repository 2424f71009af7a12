import { describe, expect, it } from "vitest";
import { decodeEnvelope } from "@/lib/recording/decode";
import { cohereChatDecoder } from "./cohere-chat";
import { cassettesIn, httpEnvelope } from "./fixtures/load-cassette";

const { exchangeAt, messageAt } = cassettesIn("cohere-chat");

describe("cohere v2 chat streams (Ruby VCR)", () => {
  const name = "v2-stream-tools.yml";

  it("reads identity and the v2 request", () => {
    const exchange = exchangeAt(name, 0);
    expect(exchange).toMatchObject({
      family: "cohere-chat",
      kind: "chat",
      provider: "cohere",
      providerDetail: "api.cohere.com",
      model: "command-a-reasoning-08-2025",
      testId: "v2-stream-tools",
      responseType: null,
      notes: [],
    });
    expect(exchange.request.endpoint).toBe("/v2/chat");
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["system", [{ type: "text", text: "You must use tools whenever possible." }]],
      ["user", [{ type: "text", text: "Is Canada or the USA the best country?" }]],
    ]);
    expect(exchange.request.tools.map((t) => [t.name, t.description])).toEqual([
      ["best_country", "A tool to specify the best country"],
    ]);
    expect(exchange.request.params).toEqual({ stream: true, tool_choice: "required" });
  });

  it("reassembles thinking and two tool calls from their fragments", () => {
    const response = messageAt(name, 0);
    expect(response.streaming).toBe(true);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "",
        reasoning: "I will use the tool.",
        toolCalls: [
          {
            index: 0,
            id: "best_country_tg4d0d4pxef1",
            name: "best_country",
            arguments: '{"country": "Canada"}',
            fragments: ['{"country": "', 'Canada"}'],
            parsedArguments: { ok: true, value: { country: "Canada" } },
          },
          {
            index: 1,
            id: "best_country_hqcs0aqxctrm",
            name: "best_country",
            arguments: '{"country": "USA"}',
            fragments: ['{"country": "USA"}'],
            parsedArguments: { ok: true, value: { country: "USA" } },
          },
        ],
        finishReason: "TOOL_CALL",
      },
    ]);
    expect(response.usage).toEqual({
      inputTokens: 1524,
      outputTokens: 63,
      totalTokens: 1587,
      reasoningTokens: 12,
      raw: {
        billed_units: { input_tokens: 49, output_tokens: 30 },
        tokens: { input_tokens: 1524, output_tokens: 63, reasoning_tokens: 12 },
        cached_tokens: 1376,
      },
    });
  });

  it("makes one chunk per event, [DONE] included, raw as recorded", () => {
    const response = messageAt(name, 0);
    expect(response.chunks.map((c) => c.deltas.map((d) => (d.type === "event" ? d.label : d.type)))).toEqual([
      ["role"],
      ["content-start thinking"],
      ["reasoning"],
      ["reasoning"],
      ["content-end"],
      ["tool-call"],
      ["tool-call"],
      ["tool-call"],
      ["tool-call-end"],
      ["tool-call"],
      ["tool-call"],
      ["tool-call-end"],
      ["finish", "usage"],
      ["[DONE]"],
    ]);
    expect(response.chunks[7]).toEqual({
      index: 7,
      deltas: [
        {
          type: "tool-call",
          choice: 0,
          toolIndex: 0,
          id: null,
          name: null,
          arguments: 'Canada"}',
          range: { start: 13, end: 21 },
        },
      ],
      raw: {
        event: "tool-call-delta",
        data: {
          type: "tool-call-delta",
          index: 0,
          delta: { message: { tool_calls: { function: { arguments: 'Canada"}' } } } },
        },
      },
    });
  });

  it("reads text and citations, and a history with a tool plan and a document result", () => {
    const exchange = exchangeAt(name, 1);
    expect(exchange.request.messages.map((m) => [m.role, m.parts.map((p) => p.type), m.toolCallId])).toEqual([
      ["user", ["text"], null],
      ["assistant", ["other"], null],
      ["tool", ["other"], "search_1"],
    ]);
    expect(exchange.request.messages[1]?.parts[0]).toEqual({
      type: "other",
      label: "tool_plan",
      value: "I will look it up.",
    });
    expect(exchange.request.messages[1]?.toolCalls).toEqual([
      { id: "search_1", name: "search", arguments: '{"q":"Ruby"}' },
    ]);
    const response = messageAt(name, 1);
    expect(response.choices[0]).toMatchObject({
      content: "Ruby was created by Yukihiro Matsumoto.",
      reasoning: "",
      toolCalls: [],
      finishReason: "COMPLETE",
    });
    expect(response.chunks[3]?.deltas).toEqual([
      { type: "text", choice: 0, text: "Yukihiro Matsumoto.", range: { start: 20, end: 39 } },
    ]);
    expect(response.chunks[4]?.deltas).toEqual([{ type: "event", label: "citation-start" }]);
    expect(response.usage).toMatchObject({ inputTokens: 1402, outputTokens: 10, totalTokens: 1412 });
  });
});

describe("cohere v2 chat answers (go-vcr)", () => {
  const name = "v2-answers.yaml";

  it("reads thinking and text blocks", () => {
    const exchange = exchangeAt(name, 0);
    expect(exchange.request.params).toEqual({ stream: false, thinking: { type: "enabled" } });
    expect(exchange.request.messages[0]?.parts).toEqual([{ type: "text", text: "What is 5 + 3?" }]);
    const response = messageAt(name, 0);
    expect(response.streaming).toBe(false);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "The sum of 5 and 3 is 8.",
        reasoning: "Simple arithmetic.",
        toolCalls: [],
        finishReason: "COMPLETE",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 1394, outputTokens: 55, reasoningTokens: 38 });
  });

  it("reads a tool call with its plan as reasoning", () => {
    const response = messageAt(name, 1);
    expect(response.choices[0]).toMatchObject({
      content: "",
      reasoning: "I will process the query using the content_returning tool.",
      finishReason: "TOOL_CALL",
    });
    expect(response.choices[0]?.toolCalls.map((t) => [t.id, t.name, t.arguments, t.parsedArguments])).toEqual(
      [
        [
          "content_returning_y4eas468mk3s",
          "content_returning",
          '{"query":"test data"}',
          { ok: true, value: { query: "test data" } },
        ],
      ],
    );
  });

  it("reads an error reply, typed by its error_type", () => {
    expect(exchangeAt(name, 2).response).toEqual({
      type: "error",
      error: {
        type: "TOO_MANY_TOKENS",
        status: 400,
        message: "too many tokens: size limit exceeded by 25836 tokens.",
        body: {
          error_type: "TOO_MANY_TOKENS",
          id: "c167e04b-cfc2-44a9-927c-6d78c47fb5fe",
          message: "too many tokens: size limit exceeded by 25836 tokens.",
        },
      },
    });
  });
});

describe("cohere v1 chat and generate (Polly HAR)", () => {
  const name = "v1-chat-generate.har";

  it("reads the v1 chat request: preamble, history, message", () => {
    const exchange = exchangeAt(name, 0);
    expect(exchange).toMatchObject({
      family: "cohere-chat",
      kind: "chat",
      model: null,
      providerDetail: "api.cohere.ai",
    });
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["system", [{ type: "text", text: "Answer briefly." }]],
      ["user", [{ type: "text", text: "Who discovered gravity?" }]],
      ["assistant", [{ type: "text", text: "Isaac Newton." }]],
      ["user", [{ type: "text", text: "What year was he born?" }]],
    ]);
    expect(exchange.request.params).toEqual({ connectors: [{ id: "web-search" }], stream: true });
  });

  it("reassembles the NDJSON stream, finish and counts from stream-end", () => {
    const response = messageAt(name, 0);
    expect(response.chunks.map((c) => c.deltas.map((d) => (d.type === "event" ? d.label : d.type)))).toEqual([
      ["role"],
      ["search-queries-generation"],
      ["text"],
      ["text"],
      ["citation-generation"],
      ["finish", "usage"],
    ]);
    expect(response.choices[0]).toMatchObject({ content: "He was born in 1643.", finishReason: "COMPLETE" });
    expect(response.usage).toMatchObject({ inputTokens: 1376, outputTokens: 7, totalTokens: 1383 });
    expect(response.chunks[2]?.raw).toEqual({
      is_finished: false,
      event_type: "text-generation",
      text: "He was born",
    });
  });

  it("reads a v1 generate answer as a completion", () => {
    const exchange = exchangeAt(name, 1);
    expect(exchange).toMatchObject({ kind: "completion", model: "command-light" });
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["user", [{ type: "text", text: "What happened to Pluto?" }]],
    ]);
    const response = messageAt(name, 1);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: " Pluto was reclassified as a dwarf planet in 2006.",
        reasoning: "",
        toolCalls: [],
        finishReason: "COMPLETE",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 5, outputTokens: 12, totalTokens: 17 });
  });
});

describe("cohere claims and edge cases", () => {
  it("claims Cohere shapes on its paths only", () => {
    const answer = { id: "x", message: { role: "assistant", content: [] }, finish_reason: "COMPLETE" };
    expect(
      cohereChatDecoder.claims(httpEnvelope("https://api.cohere.com/v2/chat", {}, { body: answer })),
    ).toBe(true);
    expect(
      cohereChatDecoder.claims(httpEnvelope("https://api.cohere.com/v2/embed", {}, { body: answer })),
    ).toBe(false);
    expect(
      cohereChatDecoder.claims(httpEnvelope("https://example.com/v1/chat", {}, { body: { reply: "hi" } })),
    ).toBe(false);
  });

  it("turns a stream that ends in an error with nothing said into that error", () => {
    const body =
      'event: message-start\ndata: {"id":"a","type":"message-start","delta":{"message":{"role":"assistant"}}}\n\n' +
      'event: message-end\ndata: {"type":"message-end","delta":{"finish_reason":"ERROR","error":"No valid response generated. Try updating messages"}}\n\n';
    const exchange = decodeEnvelope(
      httpEnvelope("https://api.cohere.com/v2/chat", {}, { body, contentType: "text/event-stream" }),
    );
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "ERROR",
        status: 200,
        message: "No valid response generated. Try updating messages",
        body: {
          type: "message-end",
          delta: { finish_reason: "ERROR", error: "No valid response generated. Try updating messages" },
        },
      },
    });
  });
});
