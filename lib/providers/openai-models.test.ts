import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import { fixturesIn } from "./fixtures/load-fixture";
import { openaiModelsDecoder } from "./openai-models";

const { decodeFixture, exchangeOf, fixtureText } = fixturesIn("openai");

function modelsOf(name: string) {
  const { response } = exchangeOf(name);
  if (response.type !== "models") throw new Error(`${name}: response is ${response.type}`);
  return response.models;
}

describe("openai-models", () => {
  it("reads a model list with no test id, keeping the other fields as details", () => {
    const exchange = exchangeOf("models-list.json");
    expect(exchange).toMatchObject({
      family: "openai-models",
      kind: "models",
      provider: "openai-compatible",
      providerDetail: "localhost:8000",
      model: null,
      testId: null,
      responseType: "openai.types.model.Model",
      notes: [],
    });
    expect(exchange.request.endpoint).toBe("/v1/models");
    expect(modelsOf("models-list.json")).toEqual([
      {
        id: "Qwen/Qwen3-0.6B",
        ownedBy: "vllm",
        details: { created: 1762000000, root: "/models/Qwen3-0.6B", parent: null, max_model_len: 8192 },
      },
      {
        id: "nomic-embed-text",
        ownedBy: null,
        details: { created: null, custom_metadata: { embedding_dimension: 768 } },
      },
    ]);
  });

  it("claims an empty list answering /v1/models, and only that", () => {
    expect(exchangeOf("models-empty.json").family).toBe("openai-models");
    expect(modelsOf("models-empty.json")).toEqual([]);
    const envelope = envelopeSchema.parse(JSON.parse(fixtureText("models-empty.json")));
    const elsewhere = {
      ...envelope,
      request: { ...envelope.request, url: "http://localhost:11434/v1/v1/embeddings" },
    };
    expect(openaiModelsDecoder.claims(elsewhere)).toBe(false);
  });

  it("reads a single wrapped Model", () => {
    expect(modelsOf("model-single.json")).toEqual([
      { id: "gpt-4o", ownedBy: "system", details: { created: 1715367049 } },
    ]);
  });

  it("names the JSON path of a model with no id", () => {
    const decoded = decodeFixture("models-malformed.json");
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/^schema mismatch at response\.body\[1\]\.__data__\.id: /);
  });
});

describe("openai-models over HTTP (cassettes)", () => {
  it("reads {object: list, data} from Groq's /openai/v1/models", () => {
    const exchange = exchangeOf("http-models-groq.json");
    expect(exchange).toMatchObject({
      family: "openai-models",
      providerDetail: "api.groq.com",
      responseType: null,
      notes: [],
    });
    expect(exchange.request).toMatchObject({ method: "GET", endpoint: "/openai/v1/models", body: null });
    expect(modelsOf("http-models-groq.json")).toEqual([
      {
        id: "llama-3.1-8b-instant",
        ownedBy: "Meta",
        details: { created: 1693721698, active: true, context_window: 131072 },
      },
      {
        id: "whisper-large-v3-turbo",
        ownedBy: "OpenAI",
        details: { created: 1728413088, active: true, context_window: 448 },
      },
    ]);
  });

  it("reads a bare array of models (Together) and error replies, but not other APIs' lists", () => {
    const envelope = envelopeSchema.parse(JSON.parse(fixtureText("http-models-groq.json")));
    const reply = (status: number, body: unknown) => ({
      ...envelope,
      response: { ...envelope.response, status, body },
    });
    const together = reply(200, [
      { id: "moonshotai/Kimi-K3", object: "model", type: "chat", display_name: "Kimi K3" },
    ]);
    expect(openaiModelsDecoder.claims(together)).toBe(true);
    expect(openaiModelsDecoder.decode(together).response).toEqual({
      type: "models",
      models: [
        { id: "moonshotai/Kimi-K3", ownedBy: null, details: { type: "chat", display_name: "Kimi K3" } },
      ],
    });
    const unauthorized = reply(401, {
      message: "Wrong API Key",
      type: "invalid_request_error",
      param: "api_key",
      code: "wrong_api_key",
    });
    expect(openaiModelsDecoder.decode(unauthorized).response).toMatchObject({
      type: "error",
      error: { type: "invalid_request_error", status: 401, message: "Wrong API Key" },
    });
    // Anthropic's list and error, Cohere's error: other APIs at the same path.
    expect(
      openaiModelsDecoder.claims(reply(200, { data: [{ type: "model", id: "claude-x" }], has_more: false })),
    ).toBe(false);
    expect(
      openaiModelsDecoder.claims(reply(401, { type: "error", error: { type: "authentication_error" } })),
    ).toBe(false);
    expect(openaiModelsDecoder.claims(reply(401, { id: "a0a5b90f", message: "invalid api token" }))).toBe(
      false,
    );
  });
});
