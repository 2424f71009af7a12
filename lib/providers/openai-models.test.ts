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
