import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import { decodeEnvelope } from "@/lib/recording/decode";
import { anthropicMessagesDecoder } from "./anthropic-messages";
import { cassettesIn, httpEnvelope } from "./fixtures/load-cassette";
import { exchangeOfValue, fixturesIn } from "./fixtures/load-fixture";

const { interactionsOf, exchangeAt, messageAt } = cassettesIn("anthropic-messages");
const { fixtureObject } = fixturesIn("anthropic-messages");

describe("anthropic messages in an HTTP cassette (go-vcr)", () => {
  const name = "http-stream-tool.yaml";

  it("claims the /v1/messages calls and leaves count_tokens to others", () => {
    const families = interactionsOf(name).map((i) => [i.exchange.family, i.exchange.kind]);
    expect(families[0]).toEqual(["anthropic-messages", "messages"]);
    expect(families[1]).toEqual(["anthropic-messages", "messages"]);
    expect(families[2]?.[0]).not.toBe("anthropic-messages");
  });

  it("reads identity and request from the HTTP envelope", () => {
    const exchange = exchangeAt(name, 0);
    expect(exchange).toMatchObject({
      provider: "anthropic",
      providerDetail: "api.anthropic.com",
      model: "claude-sonnet-4-5",
      testId: "lib/providers/fixtures/anthropic-messages::http-stream-tool",
      notes: [],
    });
    expect(exchange.request).toMatchObject({
      method: "POST",
      endpoint: "/v1/messages",
      host: "api.anthropic.com",
    });
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["system", [{ type: "text", text: "You are a concise weather assistant." }]],
      ["user", [{ type: "text", text: "Weather in Lisbon?" }]],
    ]);
    expect(exchange.request.tools.map((t) => t.name)).toEqual(["get_weather"]);
    expect(exchange.request.params).toEqual({
      max_tokens: 2048,
      stream: true,
      thinking: { type: "enabled", budget_tokens: 1024 },
    });
  });

  it("reassembles the SSE text exactly: thinking, text and the tool call", () => {
    const response = messageAt(name, 0);
    expect(response.streaming).toBe(true);
    expect(response.model).toBe("claude-sonnet-4-5-20250929");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Let me check.",
        reasoning: "The user wants Lisbon. Call get_weather.",
        toolCalls: [
          {
            index: 0,
            id: "toolu_01Weather",
            name: "get_weather",
            arguments: '{"city": "Lisbon"}',
            fragments: ['{"city": ', '"Lisbon"}'],
            parsedArguments: { ok: true, value: { city: "Lisbon" } },
          },
        ],
        finishReason: "tool_use",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 412, outputTokens: 87, totalTokens: 499 });
  });

  it("makes one chunk per SSE event, raw as recorded", () => {
    const response = messageAt(name, 0);
    expect(response.chunks).toHaveLength(18);
    expect(response.chunks.map((c) => c.deltas.map((d) => d.type))).toEqual([
      ["role", "usage"],
      ["event"],
      ["event"],
      ["reasoning"],
      ["reasoning"],
      ["event"],
      ["event"],
      ["event"],
      ["text"],
      ["text"],
      ["event"],
      ["tool-call"],
      ["tool-call"],
      ["tool-call"],
      ["tool-call"],
      ["event"],
      ["finish", "usage"],
      ["event"],
    ]);
    expect(response.chunks[2]).toEqual({
      index: 2,
      deltas: [{ type: "event", label: "ping" }],
      raw: { event: "ping", data: { type: "ping" } },
    });
    expect(response.chunks[9]?.deltas).toEqual([
      { type: "text", choice: 0, text: " check.", range: { start: 6, end: 13 } },
    ]);
  });

  it("turns a 404 reply into an error of the family", () => {
    const exchange = exchangeAt(name, 1);
    expect(exchange.model).toBe("bad model");
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "not_found_error",
        status: 404,
        message: "model: bad model",
        body: {
          type: "error",
          error: { type: "not_found_error", message: "model: bad model" },
          request_id: "req_011CbadModel",
        },
      },
    });
  });
});

describe("anthropic messages in an HTTP cassette (vcrpy, parsed bodies)", () => {
  const name = "http-web-search.yaml";

  it("reads a server tool call and says which blocks it leaves out", () => {
    const exchange = exchangeAt(name, 0);
    expect(exchange.family).toBe("anthropic-messages");
    expect(exchange.testId).toBe("http-web-search");
    expect(exchange.request.endpoint).toBe("/v1/messages");
    const response = messageAt(name, 0);
    expect(response.choices[0]).toMatchObject({
      content: "Tadej Pogačar won the 2024 Tour de France.",
      reasoning: "",
      finishReason: "end_turn",
    });
    expect(response.choices[0]?.toolCalls.map((t) => [t.id, t.name, t.arguments])).toEqual([
      ["srvtoolu_01Tour", "web_search", '{"query":"2024 Tour de France winner"}'],
    ]);
    expect(exchange.notes).toEqual([
      "content block 1 (web_search_tool_result) is not part of the text, reasoning or tool calls",
    ]);
  });

  it("turns a 200 stream that is only an error event into an error", () => {
    expect(exchangeAt(name, 1).response).toEqual({
      type: "error",
      error: {
        type: "overloaded_error",
        status: 200,
        message: "Overloaded",
        body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" }, request_id: null },
      },
    });
  });
});

describe("one decoder for SSE lines and SSE text", () => {
  it("reassembles llama-stack's line list and the same stream as text identically", () => {
    const raw = fixtureObject("stream-thinking-tool.json");
    const envelope = envelopeSchema.parse(raw);
    const body = envelope.response.body;
    if (!Array.isArray(body)) throw new Error("not a stream");
    const text = body.map(String).join("\n");
    const fromLines = exchangeOfValue(raw);
    const fromText = decodeEnvelope(
      httpEnvelope("https://api.anthropic.com/v1/messages", envelope.request.payload, {
        body: text,
        contentType: "text/event-stream; charset=utf-8",
      }),
    );
    if (fromLines.response.type !== "message" || fromText.response.type !== "message")
      throw new Error("not messages");
    expect(fromText.family).toBe("anthropic-messages");
    expect(fromText.response.choices).toEqual(fromLines.response.choices);
    expect(fromText.response.usage).toEqual(fromLines.response.usage);
    expect(fromText.response.chunks.map((c) => [c.deltas, c.raw])).toEqual(
      fromLines.response.chunks.map((c) => [c.deltas, c.raw]),
    );
  });

  it("names the event holding invalid JSON in SSE text", () => {
    const envelope = httpEnvelope(
      "https://api.anthropic.com/v1/messages",
      {},
      {
        body: 'event: message_start\ndata: {"type":"message_start","message":{"role":"assistant"}}\n\nevent: content_block_delta\ndata: {"type":\n\n',
        contentType: "text/event-stream",
      },
    );
    expect(() => decodeEnvelope(envelope)).toThrow(
      /^response\.body \(event 1\): the data of this event is not valid JSON/,
    );
  });

  it("claims cassette errors only on /v1/messages, and not llama-stack's raw-HTTP errors", () => {
    const error = { type: "error", error: { type: "invalid_request_error", message: "bad" } };
    const on = (url: string) => httpEnvelope(url, {}, { status: 400, body: error });
    expect(anthropicMessagesDecoder.claims(on("https://api.anthropic.com/v1/messages"))).toBe(true);
    expect(anthropicMessagesDecoder.claims(on("https://api.anthropic.com/v1/messages/batches"))).toBe(false);
    expect(anthropicMessagesDecoder.claims(on("https://api.openai.com/v1/chat/completions"))).toBe(false);
    // llama-stack's raw-HTTP recordings have no `origin`.
    const llamaStack = { ...on("https://api.anthropic.com/v1/messages"), origin: undefined };
    expect(anthropicMessagesDecoder.claims(llamaStack)).toBe(false);
  });
});
