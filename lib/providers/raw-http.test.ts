import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import { decodeValue } from "@/lib/recording/decode";
import { genericDecoder } from "./generic";
import { errorFromBody, rawHttpDecoder } from "./raw-http";
import { DECODERS } from "./registry";
import { exchangeOfValue as decode, fixturesIn } from "./fixtures/load-fixture";

const { fixtureObject: fixture } = fixturesIn("");

/** A raw HTTP recording around `payload` and a response. */
function rawHttp(url: string, payload: unknown, response: Record<string, unknown>): Record<string, unknown> {
  return {
    test_id: "tests/integration/x/test_x.py::test_x",
    request: { url, method: "POST", payload },
    response,
  };
}

describe("raw HTTP errors", () => {
  it("reads an Anthropic 400 error body as an error of a messages call", () => {
    const exchange = decode(fixture("raw-http/messages-400.json"));
    expect(exchange.family).toBe("raw-http");
    expect(exchange.kind).toBe("messages");
    expect(exchange.provider).toBe("anthropic");
    expect(exchange.providerDetail).toBe("0.0.0.0:11434");
    expect(exchange.model).toBe("gpt-oss:20b");
    expect(exchange.testId).toBe(
      "tests/integration/messages/test_messages.py::test_messages_missing_max_tokens[txt=ollama/gpt-oss:20b]",
    );
    expect(exchange.request.messages).toEqual([
      { role: "user", parts: [{ type: "text", text: "Hi" }], name: null, toolCallId: null, toolCalls: [] },
    ]);
    expect(exchange.request.params).toEqual({ stream: false });
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "invalid_request_error",
        status: 400,
        message: "max_tokens: Field required",
        body: {
          type: "error",
          error: { type: "invalid_request_error", message: "max_tokens: Field required" },
          request_id: "req_0b1c2d3e4f5a6b7c8d9e0f1a",
        },
      },
    });
    expect(exchange.notes).toEqual([]);
  });

  it("reads the error shapes of other APIs", () => {
    expect(
      errorFromBody({ error: { message: "no such field: 'function'", code: "invalid_request" } }, 400),
    ).toEqual({
      type: "invalid_request",
      status: 400,
      message: "no such field: 'function'",
      body: { error: { message: "no such field: 'function'", code: "invalid_request" } },
    });
    expect(errorFromBody({ detail: "Not Found" }, 404)).toMatchObject({
      type: "HTTP 404",
      message: "Not Found",
    });
    expect(errorFromBody({ error: "quota exceeded" }, 429)).toMatchObject({
      type: "HTTP 429",
      message: "quota exceeded",
    });
    expect(errorFromBody("upstream timed out", 504)).toMatchObject({
      type: "HTTP 504",
      message: "upstream timed out",
    });
    expect(errorFromBody({ code: 13, message: "internal" }, 500)).toMatchObject({
      type: "13",
      message: "internal",
    });
  });

  it("reads a 500 of an unknown API with a plain-text body", () => {
    const exchange = decode(
      rawHttp(
        "https://rerank.example.com/v1/rerank",
        { model: "rerank-2", query: "q", documents: ["a"] },
        {
          status: 500,
          body: "Internal Server Error",
          is_streaming: false,
        },
      ),
    );
    expect(exchange.family).toBe("raw-http");
    expect(exchange.kind).toBe("http");
    expect(exchange.provider).toBe("unknown");
    expect(exchange.model).toBe("rerank-2");
    expect(exchange.request.params).toEqual({ query: "q", documents: ["a"] });
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "HTTP 500",
        status: 500,
        message: "Internal Server Error",
        body: "Internal Server Error",
      },
    });
  });
});

describe("raw HTTP results", () => {
  it("reads a Gemini interactions 200 with the text of its outputs", () => {
    const exchange = decode(fixture("raw-http/interactions-200.json"));
    expect(exchange.family).toBe("raw-http");
    expect(exchange.kind).toBe("http");
    expect(exchange.provider).toBe("gemini");
    expect(exchange.providerDetail).toBe("generativelanguage.googleapis.com");
    expect(exchange.model).toBe("gemini-2.5-flash-lite");
    expect(exchange.request.endpoint).toBe("/v1beta/interactions");
    expect(exchange.request.messages.map((message) => [message.role, message.parts])).toEqual([
      ["system", [{ type: "text", text: "Answer in one short sentence." }]],
      ["user", [{ type: "text", text: "Name a river in Portugal." }]],
    ]);
    expect(exchange.request.params).toEqual({ generation_config: { temperature: 0 }, stream: false });
    const response = exchange.response;
    if (response.type !== "result") throw new Error(response.type);
    expect(response.status).toBe(200);
    expect(response.streaming).toBe(false);
    expect(response.text).toBe("The Tagus flows through Lisbon.");
    expect(response.value).toMatchObject({ id: "v1_TapedeckInteraction01", status: "completed" });
  });

  it("reads a rerank 200 with no obvious text", () => {
    const body = { results: [{ index: 0, relevance_score: 0.93 }] };
    const exchange = decode(
      rawHttp(
        "https://rerank.example.com/v1/rerank",
        { model: "rerank-2", query: "q", documents: ["a"] },
        {
          status: 200,
          body,
          is_streaming: false,
        },
      ),
    );
    expect(exchange.response).toEqual({
      type: "result",
      streaming: false,
      status: 200,
      text: null,
      value: body,
    });
  });

  it("says so when the body is server-sent events of an unknown API", () => {
    const body = ["event: tick", 'data: {"n":1}', ""];
    const exchange = decode(rawHttp("https://sse.example.com/v1/ticks", {}, { body, is_streaming: true }));
    expect(exchange.family).toBe("raw-http");
    expect(exchange.response).toEqual({
      type: "result",
      streaming: true,
      status: null,
      text: null,
      value: body,
    });
    expect(exchange.notes).toEqual([
      "the body is server-sent events of an API Tapedeck does not know (events: tick)",
    ]);
  });
});

describe("Gemini interactions streams", () => {
  const exchange = decode(fixture("raw-http/interactions-stream.json"));

  it("rebuilds the message from the SSE events", () => {
    expect(exchange.family).toBe("raw-http");
    expect(exchange.provider).toBe("gemini");
    expect(exchange.model).toBe("gemini-2.5-flash-lite");
    const response = exchange.response;
    if (response.type !== "message") throw new Error(response.type);
    expect(response.streaming).toBe(true);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "1, 2, 3",
        reasoning: "Counting is easy.",
        toolCalls: [],
        finishReason: "completed",
      },
    ]);
    expect(response.usage).toMatchObject({
      inputTokens: 8,
      outputTokens: 5,
      totalTokens: 20,
      reasoningTokens: 7,
    });
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [{ type: "role", choice: 0, role: "assistant" }],
      [{ type: "event", label: "content.start thought" }],
      [{ type: "reasoning", choice: 0, text: "Counting is easy.", range: { start: 0, end: 17 } }],
      [{ type: "event", label: "thought_signature" }],
      [{ type: "event", label: "content.stop" }],
      [{ type: "event", label: "content.start text" }],
      [{ type: "text", choice: 0, text: "1, 2, ", range: { start: 0, end: 6 } }],
      [{ type: "text", choice: 0, text: "3", range: { start: 6, end: 7 } }],
      [{ type: "event", label: "content.stop" }],
      [
        { type: "usage", usage: expect.objectContaining({ inputTokens: 8, outputTokens: 5 }) },
        { type: "finish", choice: 0, reason: "completed" },
      ],
      [{ type: "event", label: "[DONE]" }],
    ]);
  });

  it("names the data line of a malformed event", () => {
    const raw = fixture("raw-http/interactions-stream.json");
    const { response } = envelopeSchema.parse(raw);
    if (!Array.isArray(response.body)) throw new Error("bad fixture");
    const lines = response.body.map(String);
    lines[19] = 'data: {"index":1,"delta":{"type":"text","text":["1"]},"event_type":"content.delta"}';
    const decoded = decodeValue({ ...raw, response: { ...response, body: lines } });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toMatch(/^schema mismatch at response\.body\[19\]\.delta\.text: /);
  });
});

describe("raw HTTP and HTTP cassettes", () => {
  /** A llama-stack raw-HTTP fixture as an HTTP cassette records it: headers, SSE as one text. */
  function asCassette(name: string): ReturnType<typeof envelopeSchema.parse> {
    const recorded = envelopeSchema.parse(fixture(name));
    const { body } = recorded.response;
    return envelopeSchema.parse({
      origin: "http",
      test_id: null,
      request: { ...recorded.request, headers: { "content-type": ["application/json"] } },
      response: {
        ...recorded.response,
        status: recorded.response.status ?? 200,
        headers: {},
        body: Array.isArray(body) ? body.join("\n") : body,
      },
    });
  }
  const claimer = (envelope: ReturnType<typeof envelopeSchema.parse>) =>
    DECODERS.find((decoder) => decoder.claims(envelope)) ?? genericDecoder;

  it("leaves other HTTP calls to their providers or the generic fallback", () => {
    const envelope = envelopeSchema.parse({
      origin: "http",
      request: {
        method: "POST",
        url: "https://rerank.example.com/v1/rerank",
        headers: {},
        payload: { query: "q" },
      },
      response: { status: 500, headers: {}, body: "Internal Server Error", is_streaming: false },
    });
    expect(rawHttpDecoder.claims(envelope)).toBe(false);
    expect(claimer(envelope).family).toBe("generic");
  });

  it("decodes a Gemini interactions stream kept as SSE text", () => {
    const envelope = asCassette("raw-http/interactions-stream.json");
    expect(claimer(envelope).family).toBe("raw-http");
    const exchange = rawHttpDecoder.decode(envelope);
    expect([exchange.family, exchange.provider, exchange.model]).toEqual([
      "raw-http",
      "gemini",
      "gemini-2.5-flash-lite",
    ]);
    const response = exchange.response;
    if (response.type !== "message") throw new Error(response.type);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "1, 2, 3",
        reasoning: "Counting is easy.",
        toolCalls: [],
        finishReason: "completed",
      },
    ]);
    expect(response.usage).toMatchObject({
      inputTokens: 8,
      outputTokens: 5,
      totalTokens: 20,
      reasoningTokens: 7,
    });
    expect(response.chunks).toHaveLength(11);
  });

  it("decodes a Gemini interactions JSON reply", () => {
    const exchange = rawHttpDecoder.decode(asCassette("raw-http/interactions-200.json"));
    expect(exchange.response).toMatchObject({
      type: "result",
      status: 200,
      text: "The Tagus flows through Lisbon.",
    });
    expect(exchange.request.endpoint).toBe("/v1beta/interactions");
  });
});
