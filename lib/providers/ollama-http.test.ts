import { describe, expect, it } from "vitest";
import { decodeEnvelope } from "@/lib/recording/decode";
import { cassettesIn, httpEnvelope } from "./fixtures/load-cassette";
import { ollamaDecoder } from "./ollama";

const { interactionsOf, exchangeAt, messageAt } = cassettesIn("ollama");

describe("ollama native API in a go-vcr cassette", () => {
  const name = "http-chat-tools.yaml";

  it("claims every /api call, with the kind its endpoint names", () => {
    expect(
      interactionsOf(name).map((i) => [i.exchange.family, i.exchange.kind, i.exchange.response.type]),
    ).toEqual([
      ["ollama", "models", "models"],
      ["ollama", "chat", "message"],
      ["ollama", "chat", "message"],
      ["ollama", "chat", "error"],
      ["ollama", "chat", "error"],
    ]);
  });

  it("lists the models of /api/tags", () => {
    const exchange = exchangeAt(name, 0);
    expect(exchange.providerDetail).toBe("localhost");
    expect(exchange.request.method).toBe("GET");
    if (exchange.response.type !== "models") throw new Error(exchange.response.type);
    expect(exchange.response.models.map((m) => m.id)).toEqual(["gemma4:e2b", "qwen3.5:2b"]);
    expect(exchange.response.models[0]?.details).toMatchObject({ size: 7162405886, name: "gemma4:e2b" });
  });

  it("reassembles an NDJSON chat stream: thinking, the tool call, finish and counts", () => {
    const exchange = exchangeAt(name, 1);
    expect(exchange.model).toBe("gemma4:e2b");
    expect(exchange.testId).toBe("lib/providers/fixtures/ollama::http-chat-tools");
    expect(exchange.request.params).toEqual({ stream: true, think: true });
    expect(exchange.request.tools.map((t) => t.name)).toEqual(["square_root"]);
    const response = messageAt(name, 1);
    expect(response.streaming).toBe(true);
    expect(response.model).toBe("gemma4:e2b");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "",
        reasoning: "Use the tool.",
        toolCalls: [
          {
            index: 0,
            id: "call_cp6ofrfk",
            name: "square_root",
            arguments: '{"number":144}',
            fragments: ['{"number":144}'],
            parsedArguments: { ok: true, value: { number: 144 } },
          },
        ],
        finishReason: "stop",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 95, outputTokens: 275, totalTokens: 370 });
    expect(response.chunks.map((c) => c.deltas.map((d) => d.type))).toEqual([
      ["role", "reasoning"],
      ["reasoning"],
      ["tool-call"],
      ["finish", "usage"],
    ]);
    expect(response.chunks[1]?.raw).toEqual({
      model: "gemma4:e2b",
      created_at: "2026-05-04T22:49:02.561335Z",
      message: { role: "assistant", content: "", thinking: " the tool." },
      done: false,
    });
  });

  it("reads a non-stream answer and the tool turn of the history", () => {
    const exchange = exchangeAt(name, 2);
    expect(
      exchange.request.messages.map((m) => [m.role, m.name, m.toolCalls.map((t) => t.arguments)]),
    ).toEqual([
      ["user", null, []],
      ["assistant", null, ['{"number":144}']],
      ["tool", "square_root", []],
    ]);
    const response = messageAt(name, 2);
    expect(response.streaming).toBe(false);
    expect(response.chunks).toEqual([]);
    expect(response.choices[0]).toMatchObject({ content: "12", finishReason: "stop" });
    expect(response.usage).toMatchObject({ inputTokens: 131, outputTokens: 3 });
  });

  it("reads a 404 reply and a stream that is only an error line as errors", () => {
    expect(exchangeAt(name, 3).response).toEqual({
      type: "error",
      error: {
        type: "HTTP 404",
        status: 404,
        message: "model 'bad_model' not found",
        body: { error: "model 'bad_model' not found" },
      },
    });
    const message = "Failed to create new sequence: failed to process inputs: image: unknown format";
    expect(exchangeAt(name, 4).response).toEqual({
      type: "error",
      error: { type: "error", status: 200, message, body: { error: message } },
    });
  });
});

describe("ollama native API in an httprr trace", () => {
  const name = "http-generate-embed.httprr";

  it("reassembles a /api/generate NDJSON stream as a completion", () => {
    const exchange = exchangeAt(name, 0);
    expect(exchange).toMatchObject({
      family: "ollama",
      kind: "completion",
      providerDetail: "localhost:11434",
    });
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["system", [{ type: "text", text: "Be terse." }]],
      ["user", [{ type: "text", text: "Count from 1 to 3" }]],
    ]);
    const response = messageAt(name, 0);
    expect(response.chunks).toHaveLength(6);
    expect(response.choices[0]).toMatchObject({ content: "1, 2, 3", reasoning: "", finishReason: "stop" });
    expect(response.chunks[2]?.deltas).toEqual([
      { type: "text", choice: 0, text: " 2", range: { start: 2, end: 4 } },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 16, outputTokens: 6, totalTokens: 22 });
  });

  it("reads /api/embed vectors", () => {
    const { response } = exchangeAt(name, 1);
    expect(response).toEqual({
      type: "embeddings",
      count: 2,
      dimension: 3,
      norms: [1, 2],
      first: [0.6, 0.8, 0],
      usage: expect.objectContaining({ inputTokens: 6 }),
      model: "nomic-embed-text",
    });
  });
});

describe("ollama claims", () => {
  it("claims /api/<endpoint> by the body's keys, not other /api paths", () => {
    const chat = { model: "m", message: { role: "assistant", content: "hi" }, done: true };
    expect(ollamaDecoder.claims(httpEnvelope("http://localhost:11434/api/chat", {}, { body: chat }))).toBe(
      true,
    );
    expect(
      ollamaDecoder.claims(
        httpEnvelope("https://enter.pollinations.ai/api/generate/text/models", {}, { body: ["openai"] }),
      ),
    ).toBe(false);
    expect(
      ollamaDecoder.claims(httpEnvelope("https://example.com/api/chat", {}, { body: { reply: "hi" } })),
    ).toBe(false);
  });

  it("names the NDJSON line that is not JSON", () => {
    const body = '{"model":"m","response":"a","done":false}\n{"model":\n';
    expect(() =>
      decodeEnvelope(
        httpEnvelope(
          "http://localhost:11434/api/generate",
          { model: "m" },
          { body, contentType: "application/x-ndjson" },
        ),
      ),
    ).toThrow(/^response\.body \(line 2\): this line is not valid JSON/);
  });
});
