import { describe, expect, it } from "vitest";
import { envelopeSchema, type Envelope } from "@/lib/model/envelope";
import type { Exchange, ResponseInfo } from "@/lib/model/exchange";
import { invokeVendor } from "./bedrock-invoke";
import { genericDecoder } from "./generic";
import { DECODERS } from "./registry";
import { bedrockEnvelope } from "./fixtures/bedrock/eventstream";
import { fixturesIn } from "./fixtures/load-fixture";

const { fixtureObject } = fixturesIn("bedrock");

function decode(envelope: Envelope): Exchange {
  return (DECODERS.find((decoder) => decoder.claims(envelope)) ?? genericDecoder).decode(envelope);
}

function message(response: ResponseInfo) {
  if (response.type !== "message") throw new Error(`response is ${response.type}`);
  return response;
}

const invoke = (model: string) => `https://bedrock-runtime.us-east-1.amazonaws.com/model/${model}/invoke`;

describe("InvokeModel with Anthropic Messages bodies", () => {
  const exchange = decode(envelopeSchema.parse(fixtureObject("invoke-claude.json")));

  it("is claimed by Bedrock, not by the Anthropic decoder, and read with the Anthropic helpers", () => {
    expect([exchange.family, exchange.kind, exchange.provider]).toEqual(["bedrock", "messages", "bedrock"]);
    expect(exchange.model).toBe("anthropic.claude-3-5-haiku-20241022-v1:0");
    expect(exchange.providerDetail).toBe("bedrock-runtime.<AWS_REGION>.amazonaws.com");
    expect(exchange.request.messages.map((entry) => [entry.role, entry.parts])).toEqual([
      ["system", [{ type: "text", text: "Answer in one sentence." }]],
      ["user", [{ type: "text", text: "Name a river in Portugal." }]],
    ]);
    expect(exchange.request.params).toEqual({ anthropic_version: "bedrock-2023-05-31", max_tokens: 512 });
  });

  it("reads the reply body as an Anthropic message", () => {
    const response = message(exchange.response);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "The Tagus flows through Lisbon.",
        reasoning: "",
        toolCalls: [],
        finishReason: "end_turn",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 19, outputTokens: 11, totalTokens: 30 });
    expect(response.model).toBe("claude-3-5-haiku-20241022");
    expect(exchange.notes).toEqual([]);
  });
});

describe("InvokeModel with other vendors' bodies", () => {
  it("reads Amazon Nova bodies with the Converse readers", () => {
    const payload = {
      schemaVersion: "messages-v1",
      system: [{ text: "Be brief." }],
      messages: [{ role: "user", content: [{ text: "Capital of Peru?" }] }],
      inferenceConfig: { maxTokens: 64 },
    };
    const body = {
      output: { message: { role: "assistant", content: [{ text: "Lima." }] } },
      stopReason: "end_turn",
      usage: { inputTokens: 9, outputTokens: 3, totalTokens: 12, cacheReadInputTokenCount: 0 },
    };
    const exchange = decode(bedrockEnvelope(invoke("us.amazon.nova-lite-v1%3A0"), payload, { body }));
    expect([exchange.family, exchange.kind]).toEqual(["bedrock", "chat"]);
    expect(exchange.request.messages.map((entry) => [entry.role, entry.parts])).toEqual([
      ["system", [{ type: "text", text: "Be brief." }]],
      ["user", [{ type: "text", text: "Capital of Peru?" }]],
    ]);
    expect(exchange.request.params).toEqual({
      schemaVersion: "messages-v1",
      inferenceConfig: { maxTokens: 64 },
    });
    const response = message(exchange.response);
    expect(response.choices[0]).toMatchObject({ content: "Lima.", finishReason: "end_turn" });
    expect(response.usage).toMatchObject({ inputTokens: 9, outputTokens: 3, totalTokens: 12 });
  });

  it("reads Titan Text results as choices, with their token counts", () => {
    const payload = {
      inputText: "Name two colours.",
      textGenerationConfig: { maxTokenCount: 50, temperature: 0 },
    };
    const body = {
      inputTextTokenCount: 5,
      results: [{ tokenCount: 4, outputText: "\nRed and blue.", completionReason: "FINISH" }],
    };
    const exchange = decode(bedrockEnvelope(invoke("amazon.titan-text-express-v1"), payload, { body }));
    expect(exchange.kind).toBe("completion");
    expect(exchange.request.messages).toEqual([
      {
        role: "user",
        parts: [{ type: "text", text: "Name two colours." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(exchange.request.params).toEqual({ textGenerationConfig: { maxTokenCount: 50, temperature: 0 } });
    const response = message(exchange.response);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "\nRed and blue.",
        reasoning: "",
        toolCalls: [],
        finishReason: "FINISH",
      },
    ]);
    expect(response.usage).toEqual({
      inputTokens: 5,
      outputTokens: 4,
      totalTokens: 9,
      reasoningTokens: null,
      raw: body,
    });
  });

  it("reads Llama, Cohere Command, AI21, Mistral and Claude 2 completions", () => {
    const content = (model: string, payload: unknown, body: unknown) => {
      const response = message(decode(bedrockEnvelope(invoke(model), payload, { body })).response);
      return response.choices.map((choice) => [choice.content, choice.finishReason]);
    };
    expect(
      content(
        "meta.llama3-8b-instruct-v1%3A0",
        { prompt: "Hi", max_gen_len: 20 },
        { generation: "Hello!", prompt_token_count: 2, generation_token_count: 3, stop_reason: "stop" },
      ),
    ).toEqual([["Hello!", "stop"]]);
    expect(
      content(
        "cohere.command-text-v14",
        { prompt: "Hi", max_tokens: 20, p: 1, k: 0 },
        { generations: [{ id: "g1", text: " Hello", finish_reason: "COMPLETE" }], id: "r1", prompt: "Hi" },
      ),
    ).toEqual([[" Hello", "COMPLETE"]]);
    expect(
      content(
        "ai21.j2-mid-v1",
        { prompt: "Hi", maxTokens: 20 },
        {
          id: 1234,
          completions: [{ data: { text: " Hello", tokens: [] }, finishReason: { reason: "endoftext" } }],
        },
      ),
    ).toEqual([[" Hello", "endoftext"]]);
    expect(
      content(
        "mistral.mistral-7b-instruct-v0%3A2",
        { prompt: "<s>[INST] Hi [/INST]", max_tokens: 20 },
        { outputs: [{ text: " Hello", stop_reason: "stop" }] },
      ),
    ).toEqual([[" Hello", "stop"]]);
    expect(
      content(
        "anthropic.claude-v2",
        { prompt: "\n\nHuman: Hi\n\nAssistant:", max_tokens_to_sample: 20 },
        { completion: " Hello", stop_reason: "stop_sequence", stop: "\n\nHuman:" },
      ),
    ).toEqual([[" Hello", "stop_sequence"]]);
  });

  it("reads embeddings of Titan, Cohere and Nova", () => {
    const embeddings = (model: string, payload: unknown, body: unknown) => {
      const exchange = decode(bedrockEnvelope(invoke(model), payload, { body }));
      expect(exchange.kind).toBe("embeddings");
      if (exchange.response.type !== "embeddings") throw new Error(exchange.response.type);
      const { count, dimension, norms, first, usage } = exchange.response;
      return { count, dimension, norms, first, input: usage?.inputTokens ?? null };
    };
    expect(
      embeddings(
        "amazon.titan-embed-text-v2%3A0",
        { inputText: "Hi", normalize: true },
        {
          embedding: [0.6, 0.8],
          inputTextTokenCount: 2,
        },
      ),
    ).toEqual({ count: 1, dimension: 2, norms: [1], first: [0.6, 0.8], input: 2 });
    // An inference profile's ARN says nothing of the model: the reply tells the embeddings apart.
    expect(
      embeddings(
        "arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Aapplication-inference-profile%2Fx",
        { inputText: "Hi" },
        {
          embedding: [3, 4],
          inputTextTokenCount: 2,
        },
      ),
    ).toEqual({ count: 1, dimension: 2, norms: [5], first: [3, 4], input: 2 });
    expect(
      embeddings(
        "cohere.embed-english-v3",
        { texts: ["a", "b"], input_type: "search_document" },
        {
          embeddings: {
            float: [
              [1, 0],
              [0, 2],
            ],
          },
          id: "e1",
          response_type: "embeddings_by_type",
          texts: ["a", "b"],
        },
      ),
    ).toEqual({ count: 2, dimension: 2, norms: [1, 2], first: [1, 0], input: null });
    expect(
      embeddings(
        "amazon.nova-2-multimodal-embeddings-v1%3A0",
        { taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: {} },
        {
          embeddings: [{ embeddingType: "TEXT", embedding: [0, 1, 0] }],
        },
      ),
    ).toEqual({ count: 1, dimension: 3, norms: [1], first: [0, 1, 0], input: null });
  });

  it("uses the token counts of the reply headers when the body has none", () => {
    const exchange = decode(
      bedrockEnvelope(
        invoke("cohere.command-light-text-v14"),
        { prompt: "Hi" },
        {
          headers: { "x-amzn-bedrock-input-token-count": ["2"], "x-amzn-bedrock-output-token-count": ["5"] },
          body: { generations: [{ text: " Hello there" }] },
        },
      ),
    );
    expect(message(exchange.response).usage).toMatchObject({
      inputTokens: 2,
      outputTokens: 5,
      totalTokens: 7,
    });
  });

  it("shows the body of a vendor it does not know, and says so", () => {
    const body = { images: ["iVBORw0KGgo="], finish_reasons: [null] };
    const exchange = decode(
      bedrockEnvelope(
        invoke("stability.sd3-large-v1%3A0"),
        { prompt: "a cat", mode: "text-to-image" },
        { body },
      ),
    );
    expect([exchange.family, exchange.kind]).toEqual(["bedrock", "http"]);
    expect(exchange.response).toEqual({
      type: "result",
      streaming: false,
      status: 200,
      text: null,
      value: body,
    });
    expect(exchange.notes).toEqual([
      "the InvokeModel body has a shape Tapedeck does not know; it is shown as recorded",
    ]);
  });

  it("tells vendors apart by the request body, the model id breaking ties", () => {
    expect(invokeVendor({ anthropic_version: "bedrock-2023-05-31", messages: [] }, "x")).toBe(
      "anthropic-messages",
    );
    expect(invokeVendor({ messages: [] }, "us.anthropic.claude-sonnet-4-5-20250929-v1:0")).toBe(
      "anthropic-messages",
    );
    expect(invokeVendor({ messages: [], inferenceConfig: {} }, "x")).toBe("nova");
    expect(invokeVendor({ messages: [] }, "openai.gpt-oss-20b-1:0")).toBe("unknown");
    expect(invokeVendor({ inputText: "a" }, "amazon.titan-text-lite-v1")).toBe("titan-text");
    expect(invokeVendor({ inputText: "a" }, "amazon.titan-embed-text-v1")).toBe("titan-embed");
    expect(invokeVendor({ prompt: "a" }, "meta.llama3-70b-instruct-v1:0")).toBe("llama");
    expect(invokeVendor({ prompt: "a" }, "x")).toBe("unknown");
  });
});
