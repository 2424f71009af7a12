import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import { fixturesIn } from "./fixtures/load-fixture";
import { openaiResponsesDecoder } from "./openai-responses";

const { exchangeOf, fixtureObject, messageOf } = fixturesIn("openai-responses");

const calls = (response: ReturnType<typeof messageOf>) =>
  response.choices[0]?.toolCalls.map(({ index, id, name, arguments: args, fragments }) => ({
    index,
    id,
    name,
    arguments: args,
    fragments,
  }));

describe("openai-responses stream", () => {
  it("reassembles reasoning parts, text and tool calls keyed by output index", () => {
    const exchange = exchangeOf("stream-reasoning-tools.json");
    expect(exchange).toMatchObject({
      family: "openai-responses",
      kind: "responses",
      provider: "openai-compatible",
      providerDetail: "api.openai.com",
      model: "gpt-5.6-luna",
      testId: "TestClient/Scoreboard/GenStream-Tools-SquareRoot",
      responseType: null,
      notes: [],
    });
    const response = messageOf("stream-reasoning-tools.json");
    expect(response.streaming).toBe(true);
    expect(response.chunks).toHaveLength(24);
    expect(response.choices).toHaveLength(1);
    expect(response.choices[0]).toMatchObject({
      role: "assistant",
      content: "Computing both roots.",
      reasoning: "**Planning**\n\nTwo roots needed.\n\n**Calling**\n\nUse the tool twice.",
      finishReason: "completed",
    });
    expect(calls(response)).toEqual([
      {
        index: 0,
        id: "call_vPdb",
        name: "square_root",
        arguments: '{"number":132413}',
        fragments: ['{"number":', "132413}"],
      },
      // Its arguments came only with `output_item.done`.
      {
        index: 1,
        id: "call_x9Qa",
        name: "square_root",
        arguments: '{"number":2}',
        fragments: ['{"number":2}'],
      },
    ]);
    expect(response.usage).toEqual({
      inputTokens: 73,
      outputTokens: 61,
      totalTokens: 134,
      reasoningTokens: 24,
      raw: expect.anything(),
    });
  });

  it("tells each chunk what it adds, the separator between summary parts included", () => {
    const { chunks } = messageOf("stream-reasoning-tools.json");
    expect(chunks[4]?.deltas).toEqual([
      { type: "reasoning", choice: 0, text: "**Planning**\n\n", range: { start: 0, end: 14 } },
    ]);
    expect(chunks[8]?.deltas).toEqual([
      { type: "reasoning", choice: 0, text: "\n\n", range: { start: 31, end: 33 } },
      {
        type: "reasoning",
        choice: 0,
        text: "**Calling**\n\nUse the tool twice.",
        range: { start: 33, end: 65 },
      },
    ]);
    expect(chunks[12]?.deltas).toEqual([
      { type: "text", choice: 0, text: "Computing", range: { start: 0, end: 9 } },
    ]);
    expect(chunks[18]?.deltas).toEqual([
      {
        type: "tool-call",
        choice: 0,
        toolIndex: 0,
        id: null,
        name: null,
        arguments: "132413}",
        range: { start: 10, end: 17 },
      },
    ]);
    expect(chunks[23]?.deltas.map((delta) => delta.type)).toEqual(["finish", "usage"]);
    // `raw` is the SSE event's data, parsed.
    expect(chunks[12]?.raw).toMatchObject({
      type: "response.output_text.delta",
      delta: "Computing",
      sequence_number: 12,
    });
  });

  it("reads the request: input items, tools and other parameters", () => {
    const { request } = exchangeOf("stream-reasoning-tools.json");
    expect(request.endpoint).toBe("/v1/responses");
    expect(request.messages).toEqual([
      {
        role: "user",
        parts: [{ type: "text", text: "Square roots of 132413 and 2?" }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(request.tools.map((tool) => tool.name)).toEqual(["square_root"]);
    expect(request.params).toEqual({
      reasoning: { effort: "low", summary: "auto" },
      tool_choice: "required",
      stream: true,
    });
  });

  it("reads raw reasoning text from events with no event: line, and an incomplete end", () => {
    const exchange = exchangeOf("stream-openrouter-incomplete.json");
    expect(exchange.providerDetail).toBe("openrouter.ai");
    expect(exchange.request.endpoint).toBe("/api/v1/responses");
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["system", [{ type: "text", text: "Answer with digits." }]],
      ["user", [{ type: "text", text: "Count to three." }]],
    ]);
    const response = messageOf("stream-openrouter-incomplete.json");
    expect(response.choices[0]).toMatchObject({
      content: "1, 2",
      reasoning: "Count: one, two",
      toolCalls: [],
      finishReason: "max_output_tokens",
    });
    expect(response.usage?.reasoningTokens).toBe(9);
    expect(exchange.notes).toEqual([]);
  });

  it("notes a stream that does not add up to its own response.completed", () => {
    const exchange = exchangeOf("stream-inconsistent.json");
    expect(messageOf("stream-inconsistent.json").choices[0]?.content).toBe("Hello there");
    expect(exchange.notes).toEqual([
      "The streamed text (11 characters) differs from the text in the stream's own response.completed event (5 characters).",
    ]);
  });

  it("makes a stream that only carries an error event an error", () => {
    expect(exchangeOf("stream-error.json").response).toEqual({
      type: "error",
      error: {
        type: "server_error",
        status: 200,
        message: "The server had an error while processing your request.",
        body: expect.objectContaining({ type: "error", code: "server_error" }),
      },
    });
  });
});

describe("openai-responses non-stream", () => {
  it("joins output_text parts, keeps reasoning apart and names server-side items", () => {
    const exchange = exchangeOf("response-web-search.json");
    expect(exchange.testId).toBe("tests/test_responses.py::test_web_search");
    expect(exchange.notes).toEqual([
      "Server-side items (not reassembled; see the raw response): web_search_call.",
    ]);
    const response = messageOf("response-web-search.json");
    expect(response).toMatchObject({ streaming: false, chunks: [], model: "gpt-5.6-luna" });
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Mark Carney (since 2025).",
        reasoning: "Looking up the current PM.",
        toolCalls: [],
        finishReason: "completed",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 1203, outputTokens: 38, reasoningTokens: 12 });
  });

  it("turns instructions and every kind of input item into turns", () => {
    const { request } = exchangeOf("response-web-search.json");
    expect(request.messages).toEqual([
      {
        role: "system",
        parts: [{ type: "text", text: "Answer in a few words." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "user",
        parts: [{ type: "text", text: "What is the square root of 4?" }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "assistant",
        parts: [],
        name: null,
        toolCallId: null,
        toolCalls: [{ id: "call_sq", name: "square_root", arguments: '{"number":4}' }],
      },
      {
        role: "tool",
        parts: [{ type: "text", text: "2" }],
        name: null,
        toolCallId: "call_sq",
        toolCalls: [],
      },
      {
        role: "assistant",
        parts: [{ type: "other", label: "reasoning", value: "Root found." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "assistant",
        parts: [{ type: "text", text: "2" }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "user",
        parts: [
          { type: "text", text: "Who is Canada's PM?" },
          { type: "image", url: "https://example.org/flag.png", mediaType: null },
        ],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(request.tools.map((tool) => tool.name)).toEqual(["web_search", "square_root"]);
    expect(request.params).toEqual({ store: false });
  });

  it("makes a failed response with no output an error", () => {
    expect(exchangeOf("response-failed.json").response).toEqual({
      type: "error",
      error: {
        type: "server_error",
        status: 200,
        message: "An error occurred while processing your request.",
        body: { code: "server_error", message: "An error occurred while processing your request." },
      },
    });
  });

  it("claims an HTTP error reply of /v1/responses", () => {
    const exchange = exchangeOf("error-401.json");
    expect(exchange.family).toBe("openai-responses");
    expect(exchange.response).toMatchObject({
      type: "error",
      error: {
        type: "invalid_request_error",
        status: 401,
        message: expect.stringMatching(/^Incorrect API key/),
      },
    });
  });

  it("claims a response object on any path but not other bodies", () => {
    const envelope = envelopeSchema.parse(fixtureObject("response-web-search.json"));
    const retrieved = {
      ...envelope,
      request: {
        ...envelope.request,
        method: "GET",
        url: "https://api.openai.com/v1/responses/resp_1",
        payload: null,
      },
    };
    expect(openaiResponsesDecoder.claims(retrieved)).toBe(true);
    const other = {
      ...envelope,
      response: { ...envelope.response, body: { object: "response.compaction", output: [] } },
    };
    expect(openaiResponsesDecoder.claims(other)).toBe(false);
  });
});
