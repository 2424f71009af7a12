import { describe, expect, it } from "vitest";
import { decodeEnvelope } from "@/lib/recording/decode";
import { cassettesIn, httpEnvelope } from "./fixtures/load-cassette";
import { geminiDecoder } from "./gemini";

const { interactionsOf, exchangeAt, messageAt } = cassettesIn("gemini");

describe("gemini ?alt=sse stream in a vcrpy cassette", () => {
  const name = "http-sse-function-call.yaml";

  it("reads the REST request: system instruction, contents, tools, and the model from the URL", () => {
    const exchange = exchangeAt(name, 0);
    expect(exchange).toMatchObject({
      family: "gemini",
      kind: "generate-content",
      provider: "gemini",
      providerDetail: "generativelanguage.googleapis.com",
      model: "gemini-2.5-flash",
      testId: "http-sse-function-call",
      notes: [],
    });
    expect(exchange.request.endpoint).toBe("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["system", [{ type: "text", text: "Use the tools." }]],
      ["user", [{ type: "text", text: "What is the weather in Paris?" }]],
    ]);
    expect(exchange.request.tools.map((t) => [t.name, t.description])).toEqual([
      ["get_weather", "Get the weather for a city."],
    ]);
    expect(exchange.request.params).toEqual({
      generationConfig: { thinkingConfig: { includeThoughts: true } },
    });
  });

  it("reassembles thoughts, text and the function call exactly, one chunk per event", () => {
    const response = messageAt(name, 0);
    expect(response.streaming).toBe(true);
    expect(response.model).toBe("gemini-2.5-flash");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Let me look that up for you.",
        reasoning: "**Checking the weather**\nThe user wants Paris.",
        toolCalls: [
          {
            index: 0,
            id: null,
            name: "get_weather",
            arguments: '{"city":"Paris","unit":"celsius"}',
            fragments: ['{"city":"Paris","unit":"celsius"}'],
            parsedArguments: { ok: true, value: { city: "Paris", unit: "celsius" } },
          },
        ],
        finishReason: "STOP",
      },
    ]);
    expect(response.usage).toMatchObject({
      inputTokens: 58,
      outputTokens: 24,
      totalTokens: 131,
      reasoningTokens: 49,
    });
    expect(response.chunks.map((c) => c.deltas.map((d) => d.type))).toEqual([
      ["role", "reasoning", "usage"],
      ["text", "usage"],
      ["text", "usage"],
      ["tool-call", "finish", "usage"],
    ]);
    expect(response.chunks[2]?.deltas[0]).toEqual({
      type: "text",
      choice: 0,
      text: " for you.",
      range: { start: 19, end: 28 },
    });
    expect(response.chunks[2]?.raw).toMatchObject({ responseId: "kD7aaPWeMdqmz7IP" });
  });
});

describe("gemini on Vertex in a Ruby VCR cassette", () => {
  const name = "http-vertex-candidates.yml";

  it("reads every candidate as a choice, and the model from the publisher path", () => {
    const exchange = exchangeAt(name, 0);
    expect(exchange.model).toBe("gemini-2.5-flash");
    expect(exchange.providerDetail).toBe("aiplatform.googleapis.com");
    expect(exchange.request.params).toEqual({ generationConfig: { candidateCount: 2, temperature: 1.0 } });
    const response = messageAt(name, 0);
    expect(response.streaming).toBe(false);
    expect(response.choices.map((c) => [c.index, c.role, c.content, c.finishReason])).toEqual([
      [0, "assistant", "Blue.", "STOP"],
      [1, "assistant", "Teal.", "STOP"],
    ]);
    expect(response.usage).toMatchObject({
      inputTokens: 4,
      outputTokens: 4,
      totalTokens: 30,
      reasoningTokens: 22,
    });
  });

  it("reads a 400 reply as an error named by its status", () => {
    expect(exchangeAt(name, 1).response).toEqual({
      type: "error",
      error: {
        type: "INVALID_ARGUMENT",
        status: 400,
        message: "Cannot fetch content from the provided URL.",
        body: {
          error: {
            code: 400,
            message: "Cannot fetch content from the provided URL.",
            status: "INVALID_ARGUMENT",
          },
        },
      },
    });
  });
});

describe("gemini error of a stream call (go-vcr)", () => {
  it("parses the JSON error the server labelled text/event-stream", () => {
    const { response } = exchangeAt("http-sse-error.yaml", 0);
    if (response.type !== "error") throw new Error(response.type);
    expect(response.error).toMatchObject({
      type: "INVALID_ARGUMENT",
      status: 400,
      message: "LogProbs is not supported in streaming mode",
    });
    expect(typeof response.error.body).toBe("string");
  });
});

describe("gemini JSON-array stream in an httprr trace", () => {
  const name = "http-json-array.httprr";

  it("reads the array as a stream and numeric enums as names", () => {
    const [stream, denied] = interactionsOf(name);
    expect(stream?.exchange.model).toBe("gemini-2.0-flash");
    const response = messageAt(name, 0);
    expect(response.streaming).toBe(true);
    expect(response.chunks).toHaveLength(2);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "5 * 7 is 35.\n",
        reasoning: "",
        toolCalls: [],
        finishReason: "STOP",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 12, outputTokens: 9, totalTokens: 21 });
    expect(denied?.exchange.response).toMatchObject({
      type: "error",
      error: { type: "PERMISSION_DENIED", status: 403 },
    });
  });
});

describe("gemini claims and edge cases", () => {
  const url =
    "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";

  it("claims generateContent URLs, not countTokens or embedContent", () => {
    const error = { error: { code: 400, message: "bad", status: "INVALID_ARGUMENT" } };
    const claims = (u: string) => geminiDecoder.claims(httpEnvelope(u, {}, { status: 400, body: error }));
    expect(claims(url)).toBe(true);
    expect(
      claims("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:countTokens"),
    ).toBe(false);
    expect(
      claims("https://generativelanguage.googleapis.com/v1beta/models/text-embedding-004:embedContent"),
    ).toBe(false);
  });

  it("turns a stream whose only event is an error into that error", () => {
    const body =
      'data: {"error": {"code": 503, "message": "The model is overloaded.", "status": "UNAVAILABLE"}}\r\n\r\n';
    const exchange = decodeEnvelope(httpEnvelope(url, {}, { body, contentType: "text/event-stream" }));
    expect(exchange.response).toMatchObject({
      type: "error",
      error: { type: "UNAVAILABLE", status: 200, message: "The model is overloaded." },
    });
  });

  it("labels a code-execution part by its kind, not by its thought signature", () => {
    const chunk = {
      candidates: [
        {
          content: {
            role: "model",
            parts: [{ executableCode: { code: "print(1)" }, thoughtSignature: "Eq" }],
          },
        },
      ],
      modelVersion: "gemini-3-flash-preview",
    };
    const body = `data: ${JSON.stringify(chunk)}\r\n\r\n`;
    const exchange = decodeEnvelope(httpEnvelope(url, {}, { body, contentType: "text/event-stream" }));
    if (exchange.response.type !== "message") throw new Error(exchange.response.type);
    expect(exchange.response.chunks[0]?.deltas).toEqual([
      { type: "role", choice: 0, role: "assistant" },
      { type: "event", label: "executableCode part" },
    ]);
  });

  it("names the event that does not fit", () => {
    const body = 'data: {"candidates": [{"content": {"parts": [{"text": 5}]}}]}\r\n\r\n';
    expect(() => decodeEnvelope(httpEnvelope(url, {}, { body, contentType: "text/event-stream" }))).toThrow(
      /^response\.body \(event 0\)\.candidates\[0\]\.content\.parts\[0\]\.text: /,
    );
  });
});
