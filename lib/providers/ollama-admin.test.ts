import { describe, expect, it } from "vitest";
import { guessBase64MediaType, ollamaImagePart } from "./ollama-images";
import { fixturesIn } from "./fixtures/load-fixture";

const { exchangeOf: decodeFixture } = fixturesIn("ollama");

describe("ollama embeddings", () => {
  it("summarises an EmbedResponse (one vector per input)", () => {
    const exchange = decodeFixture("embed.json");
    expect(exchange).toMatchObject({
      family: "ollama",
      kind: "embeddings",
      provider: "ollama",
      model: "all-minilm:l6-v2",
      responseType: "ollama._types.EmbedResponse",
    });
    expect(exchange.request.messages).toEqual([
      {
        role: "user",
        parts: [
          { type: "text", text: "The sky is blue." },
          { type: "text", text: "Grass is green." },
        ],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(exchange.request.params).toEqual({ truncate: true });
    const response = exchange.response;
    if (response.type !== "embeddings") throw new Error(response.type);
    expect(response).toMatchObject({
      count: 2,
      dimension: 4,
      first: [0.3, 0.4, 0.0, 1.2],
      model: "all-minilm:l6-v2",
    });
    expect(response.norms[0]).toBeCloseTo(1.3, 12);
    expect(response.norms[1]).toBeCloseTo(3, 12);
    expect(response.usage).toMatchObject({ inputTokens: 9, outputTokens: null, totalTokens: null });
  });

  it("summarises the older embeddings shape (a single `embedding`)", () => {
    const exchange = decodeFixture("embeddings-old.json");
    expect(exchange).toMatchObject({ kind: "embeddings", model: "nomic-embed-text:latest", notes: [] });
    expect(exchange.request.messages[0]?.parts).toEqual([{ type: "text", text: "Hello, world" }]);
    expect(exchange.request.params).toEqual({});
    const response = exchange.response;
    if (response.type !== "embeddings") throw new Error(response.type);
    expect(response).toMatchObject({
      count: 1,
      dimension: 3,
      first: [0.6, 0.8, 0.0],
      usage: null,
      model: null,
    });
    expect(response.norms[0]).toBeCloseTo(1, 12);
  });
});

describe("ollama model lists", () => {
  it("lists /api/tags models by `model`, else `name`", () => {
    const exchange = decodeFixture("tags.json");
    expect(exchange).toMatchObject({
      kind: "models",
      model: null,
      responseType: "ollama._types.ListResponse",
    });
    expect(exchange.request).toMatchObject({ endpoint: "/api/tags", messages: [], params: {} });
    const response = exchange.response;
    if (response.type !== "models") throw new Error(response.type);
    expect(response.models.map((model) => model.id)).toEqual(["llama3.2:3b", "all-minilm:l6-v2"]);
    expect(response.models[0]).toMatchObject({
      ownedBy: null,
      details: { size: 2019393189, details: { family: "llama", parameter_size: "3.2B" } },
    });
    expect(response.models[0]?.details).not.toHaveProperty("model");
    expect(response.models[1]?.details).not.toHaveProperty("name");
  });

  it("lists /api/ps running models with size_vram and expires_at", () => {
    const exchange = decodeFixture("ps.json");
    expect(exchange).toMatchObject({ kind: "models", responseType: "ollama._types.ProcessResponse" });
    const response = exchange.response;
    if (response.type !== "models") throw new Error(response.type);
    expect(response.models).toHaveLength(1);
    expect(response.models[0]).toMatchObject({
      id: "llama3.2:3b",
      details: {
        name: "llama3.2:3b",
        size_vram: 3367856128,
        expires_at: "2025-10-08T16:14:05.423042-07:00",
      },
    });
  });
});

describe("ollama admin calls", () => {
  it("shows a pull as a short result", () => {
    const exchange = decodeFixture("pull.json");
    expect(exchange).toMatchObject({
      family: "ollama",
      kind: "http",
      provider: "ollama",
      responseType: "ollama._types.ProgressResponse",
      notes: [],
    });
    expect(exchange.request.params).toEqual({ insecure: false, stream: false });
    expect(exchange.response).toEqual({
      type: "result",
      streaming: false,
      status: null,
      text: "pull: success",
      value: { status: "success", completed: null, total: null, digest: null },
    });
  });
});

describe("ollama images", () => {
  it("guesses PNG and JPEG from base64 magic and keeps URLs", () => {
    expect(guessBase64MediaType("iVBORw0KGgoAAAA")).toBe("image/png");
    expect(guessBase64MediaType("/9j/4AAQ")).toBe("image/jpeg");
    expect(guessBase64MediaType("AAAA")).toBeNull();
    expect(ollamaImagePart("AAAA")).toEqual({
      type: "image",
      url: "data:application/octet-stream;base64,AAAA",
      mediaType: null,
    });
    expect(ollamaImagePart("data:image/webp;base64,UklGR")).toEqual({
      type: "image",
      url: "data:image/webp;base64,UklGR",
      mediaType: "image/webp",
    });
    expect(ollamaImagePart({ path: "x.png" })).toEqual({
      type: "other",
      label: "image",
      value: { path: "x.png" },
    });
  });
});
