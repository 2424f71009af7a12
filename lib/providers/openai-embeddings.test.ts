import { describe, expect, it } from "vitest";
import { fixturesIn } from "./fixtures/load-fixture";
import { decodeBase64Floats, l2Norm } from "./openai-embeddings";

const { decodeFixture, exchangeOf } = fixturesIn("openai");

function embeddingsOf(name: string) {
  const { response } = exchangeOf(name);
  if (response.type !== "embeddings") throw new Error(`${name}: response is ${response.type}`);
  return response;
}

describe("openai-embeddings", () => {
  it("reads float vectors: count, dimension, norms, first vector, usage", () => {
    const exchange = exchangeOf("embeddings-float.json");
    expect(exchange).toMatchObject({
      family: "openai-embeddings",
      kind: "embeddings",
      provider: "openai-compatible",
      providerDetail: "api.openai.com",
      model: "text-embedding-3-small",
      responseType: "openai.types.create_embedding_response.CreateEmbeddingResponse",
      notes: [],
    });
    expect(exchange.request.messages.map((m) => [m.role, m.parts])).toEqual([
      ["user", [{ type: "text", text: "red apple" }]],
      ["user", [{ type: "text", text: "green pear" }]],
    ]);
    expect(exchange.request.params).toEqual({ encoding_format: "float" });
    const response = embeddingsOf("embeddings-float.json");
    expect(response).toMatchObject({
      count: 2,
      dimension: 4,
      first: [0.6, 0.8, 0, 0],
      model: "text-embedding-3-small",
    });
    expect(response.norms[0]).toBeCloseTo(1, 12);
    expect(response.norms[1]).toBeCloseTo(1, 12);
    expect(response.usage).toEqual({
      inputTokens: 6,
      outputTokens: null,
      totalTokens: 6,
      reasoningTokens: null,
      raw: { prompt_tokens: 6, total_tokens: 6 },
    });
  });

  it("decodes base64 vectors as little-endian float32", () => {
    const response = embeddingsOf("embeddings-base64.json");
    expect(response).toMatchObject({ count: 1, dimension: 4, first: [0.5, -0.5, 0.5, -0.5], norms: [1] });
    expect(exchangeOf("embeddings-base64.json").request.messages[0]?.parts).toEqual([
      { type: "text", text: "Test base64" },
    ]);
  });

  it("computes L2 norms and rejects base64 that is not float32 data", () => {
    expect(l2Norm([3, 4])).toBe(5);
    expect(decodeBase64Floats("AACAPw==", "p")).toEqual([1]);
    expect(() => decodeBase64Floats("AAA=", "p")).toThrow(/p: base64 data of 2 bytes/);
    expect(() => decodeBase64Floats("%%%", "p")).toThrow(/p: not valid base64/);
  });

  it("names the JSON path of a vector entry that is not a number", () => {
    const decoded = decodeFixture("embeddings-malformed.json");
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toBe(
      "schema mismatch at response.body.__data__.data[0].embedding[2]: expected a number",
    );
  });
});

describe("openai-embeddings over HTTP (cassettes)", () => {
  it("reads a plain embeddings list, one user turn per input", () => {
    const exchange = exchangeOf("http-embeddings.json");
    expect(exchange).toMatchObject({
      family: "openai-embeddings",
      providerDetail: "api.openai.com",
      model: "text-embedding-3-small",
      testId: "tests/test_embeddings.py::TestOpenAI::test_documents",
      responseType: null,
      notes: [],
    });
    expect(exchange.request.messages.map((m) => m.parts)).toEqual([
      [{ type: "text", text: "hello" }],
      [{ type: "text", text: "world" }],
    ]);
    expect(exchange.request.params).toEqual({ dimensions: 3, encoding_format: "float" });
    expect(embeddingsOf("http-embeddings.json")).toEqual({
      type: "embeddings",
      count: 2,
      dimension: 3,
      norms: [1, 1],
      first: [0.6, 0, 0.8],
      usage: {
        inputTokens: 2,
        outputTokens: null,
        totalTokens: 2,
        reasoningTokens: null,
        raw: expect.anything(),
      },
      model: "text-embedding-3-small",
    });
  });
});
