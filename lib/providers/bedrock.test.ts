import { describe, expect, it } from "vitest";
import { envelopeSchema, type Envelope } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { bedrockDecoder } from "./bedrock";
import { bedrockCall } from "./bedrock-call";
import { genericDecoder } from "./generic";
import { DECODERS } from "./registry";
import { bedrockEnvelope } from "./fixtures/bedrock/eventstream";
import { fixturesIn } from "./fixtures/load-fixture";

const { fixtureObject } = fixturesIn("bedrock");

/** Decodes as the pipeline does: the first decoder of the registry that claims it, else generic. */
function decode(envelope: Envelope): Exchange {
  return (DECODERS.find((decoder) => decoder.claims(envelope)) ?? genericDecoder).decode(envelope);
}

function fixture(name: string): Envelope {
  return envelopeSchema.parse(fixtureObject(name));
}

const CONVERSE = "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-micro-v1%3A0/converse";

describe("Bedrock runtime URLs", () => {
  it("reads the operation and the URL-decoded model id, placeholder regions included", () => {
    expect(
      bedrockCall(
        "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse-stream",
      ),
    ).toEqual({
      operation: "converse-stream",
      modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
      host: "bedrock-runtime.us-east-1.amazonaws.com",
      path: "/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse-stream",
    });
    expect(
      bedrockCall(
        "https://bedrock-runtime.<aws_region>.amazonaws.com/model/amazon.titan-embed-text-v2:0/invoke",
      ),
    ).toMatchObject({
      operation: "invoke",
      modelId: "amazon.titan-embed-text-v2:0",
      host: "bedrock-runtime.<aws_region>.amazonaws.com",
    });
    expect(
      bedrockCall(
        "https://bedrock-runtime.us-west-2.amazonaws.com/model/arn%3Aaws%3Abedrock%3Aus-west-2%3A123456789012%3Ainference-profile%2Fus.amazon.nova-lite-v1%3A0/invoke-with-response-stream",
      ),
    ).toMatchObject({
      operation: "invoke-with-response-stream",
      modelId: "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.amazon.nova-lite-v1:0",
    });
    expect(
      bedrockCall("http://localhost:8787/bedrock/model/amazon.nova-micro-v1%3A0/converse"),
    ).toMatchObject({
      operation: "converse",
      host: null,
    });
    expect(
      bedrockCall("https://bedrock-runtime.us-east-1.amazonaws.com/guardrail/g1/version/1/apply"),
    ).toBeNull();
    expect(bedrockCall("https://api.openai.com/v1/chat/completions")).toBeNull();
  });

  it("claims Bedrock hosts by path, and other hosts only for a Converse-shaped body", () => {
    const converseBody = { messages: [{ role: "user", content: [{ text: "Hi" }] }] };
    const claims = (url: string, payload: unknown) =>
      bedrockDecoder.claims(bedrockEnvelope(url, payload, { body: { message: "x" }, status: 400 }));
    expect(claims(CONVERSE, "not even JSON")).toBe(true);
    expect(
      claims("http://localhost:8787/bedrock/model/amazon.nova-micro-v1%3A0/converse", converseBody),
    ).toBe(true);
    expect(
      claims("http://localhost:8787/model/m/converse", { messages: [{ role: "user", content: "Hi" }] }),
    ).toBe(false);
    expect(claims("http://localhost:8787/model/m/invoke", { prompt: "Hi" })).toBe(false);
    expect(claims("https://bedrock-runtime.us-east-1.amazonaws.com/model/m/async-invoke", converseBody)).toBe(
      false,
    );
  });
});

describe("Bedrock Converse", () => {
  const exchange = decode(fixture("converse-tools.json"));

  it("is a Bedrock chat call of the model the URL names", () => {
    expect(exchange.family).toBe("bedrock");
    expect(exchange.kind).toBe("chat");
    expect(exchange.provider).toBe("bedrock");
    expect(exchange.providerDetail).toBe("bedrock-runtime.us-east-1.amazonaws.com");
    expect(exchange.model).toBe("us.anthropic.claude-3-7-sonnet-20250219-v1:0");
    expect(exchange.testId).toBe("tests/models/test_bedrock.py::test_bedrock_weather_tool");
    expect(exchange.request.endpoint).toBe("/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse");
    expect(exchange.notes).toEqual([]);
  });

  it("reads the conversation: system, images, reasoning, tool calls and results", () => {
    expect(exchange.request.messages).toEqual([
      {
        role: "system",
        parts: [
          { type: "text", text: "You are a weather assistant." },
          { type: "other", label: "cachePoint", value: { cachePoint: { type: "default" } } },
        ],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "user",
        parts: [
          { type: "text", text: "What is the weather where this photo was taken?" },
          { type: "image", url: "data:image/png;base64,iVBORw0KGgo=", mediaType: "image/png" },
        ],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "assistant",
        parts: [{ type: "other", label: "reasoning", value: "The photo shows Lisbon." }],
        name: null,
        toolCallId: null,
        toolCalls: [
          { id: "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", name: "get_weather", arguments: '{"city":"Lisbon"}' },
        ],
      },
      {
        role: "tool",
        parts: [{ type: "text", text: "Sunny, 24 °C" }],
        name: null,
        toolCallId: "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q",
        toolCalls: [],
      },
      {
        role: "user",
        parts: [{ type: "other", label: "cachePoint", value: { cachePoint: { type: "default" } } }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(exchange.request.tools).toEqual([
      {
        name: "get_weather",
        description: "Current weather in a city.",
        parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
      {
        name: "get_forecast",
        description: null,
        parameters: { type: "object", properties: { city: { type: "string" }, days: { type: "integer" } } },
      },
    ]);
    expect(exchange.request.params).toEqual({
      inferenceConfig: { maxTokens: 1024, temperature: 0 },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } },
      toolConfig: { toolChoice: { auto: {} } },
    });
  });

  it("reassembles the reply: text, reasoning apart, tool calls in order, stop reason, usage", () => {
    const response = exchange.response;
    if (response.type !== "message") throw new Error(response.type);
    expect(response.streaming).toBe(false);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "It is sunny and 24 °C in Lisbon. Let me check the next days.",
        reasoning: "It is sunny; the user may want the forecast too.",
        toolCalls: [
          {
            index: 0,
            id: "tooluse_Qm3x9c4JTcKp0qYtq3u0Zw",
            name: "get_forecast",
            arguments: '{"city":"Lisbon","days":3}',
            fragments: ['{"city":"Lisbon","days":3}'],
            parsedArguments: { ok: true, value: { city: "Lisbon", days: 3 } },
          },
          {
            index: 1,
            id: "tooluse_8SVvKk1dR6mXr3bWnQ2ZfA",
            name: "get_weather",
            arguments: "{}",
            fragments: ["{}"],
            parsedArguments: { ok: true, value: {} },
          },
        ],
        finishReason: "tool_use",
      },
    ]);
    expect(response.usage).toEqual({
      inputTokens: 1204,
      outputTokens: 118,
      totalTokens: 1322,
      reasoningTokens: null,
      raw: {
        inputTokens: 1204,
        outputTokens: 118,
        totalTokens: 1322,
        cacheReadInputTokens: 1024,
        cacheWriteInputTokens: 0,
      },
    });
  });

  it("names blocks that are not text, reasoning or tool calls, and citations without text", () => {
    const body = {
      output: {
        message: {
          role: "assistant",
          content: [
            { text: "Ruby 3.4 is current" },
            {
              citationsContent: { citations: [{ location: { web: { url: "https://www.ruby-lang.org/" } } }] },
            },
            { citationsContent: { content: [{ text: " (since December)." }], citations: [] } },
            { reasoningContent: { redactedContent: "RXU4RUNrZ0lCeEFC" } },
            {
              toolResult: { toolUseId: "t1", content: [{ text: "[HIDDEN]" }], type: "nova_grounding_result" },
            },
          ],
        },
      },
      stopReason: "end_turn",
      usage: { inputTokens: 10, outputTokens: 5 },
    };
    const exchange = decode(bedrockEnvelope(CONVERSE, { messages: [] }, { body }));
    if (exchange.response.type !== "message") throw new Error(exchange.response.type);
    expect(exchange.response.choices[0]?.content).toBe("Ruby 3.4 is current (since December).");
    expect(exchange.response.usage).toMatchObject({ inputTokens: 10, outputTokens: 5, totalTokens: 15 });
    expect(exchange.notes).toEqual([
      "content block 3 is redacted reasoning (kept encrypted)",
      "content block 4 (toolResult) is not part of the text, reasoning or tool calls",
      "1 citationsContent block names sources and adds no text",
    ]);
  });

  it("names the JSON path of a reply of the wrong shape", () => {
    const body = {
      output: { message: { role: "assistant", content: [{ text: 42 }] } },
      stopReason: "end_turn",
    };
    expect(() => decode(bedrockEnvelope(CONVERSE, { messages: [] }, { body }))).toThrow(
      /^response\.body\.output\.message\.content\[0\]\.text: /,
    );
  });

  it("keeps a request body that is not valid JSON, and says so", () => {
    const cut =
      '{"messages": [{"role": "user", "content": [{"text": "What is the capital of France?"}]}], "promptVariables": {"leo"';
    const body = {
      output: { message: { role: "assistant", content: [{ text: "Paris." }] } },
      stopReason: "end_turn",
    };
    const exchange = decode(bedrockEnvelope(CONVERSE, cut, { body }));
    expect(exchange.family).toBe("bedrock");
    expect(exchange.request.body).toBe(cut);
    expect(exchange.request.messages).toEqual([]);
    expect(exchange.notes).toEqual([
      "the request body is not valid JSON (it may have been cut); it is shown as recorded",
    ]);
  });
});

describe("Bedrock errors", () => {
  it("reads an AWS error reply with its x-amzn-errortype", () => {
    const exchange = decode(
      bedrockEnvelope(
        CONVERSE,
        { messages: [] },
        {
          status: 403,
          headers: {
            "content-type": ["application/json"],
            "x-amzn-errortype": [
              "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/",
            ],
          },
          body: { message: "You don't have access to the model with the specified model ID." },
        },
      ),
    );
    expect(exchange.family).toBe("bedrock");
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "AccessDeniedException",
        status: 403,
        message: "You don't have access to the model with the specified model ID.",
        body: { message: "You don't have access to the model with the specified model ID." },
      },
    });
  });

  it("falls back to the status when the error type is redacted or missing", () => {
    const exchange = decode(
      bedrockEnvelope(
        CONVERSE.replace("/converse", "/converse-stream"),
        { messages: [] },
        {
          status: 400,
          headers: { "x-amzn-errortype": ["**REDACTED**"] },
          body: { message: "The provided model identifier is invalid." },
        },
      ),
    );
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "HTTP 400",
        status: 400,
        message: "The provided model identifier is invalid.",
        body: { message: "The provided model identifier is invalid." },
      },
    });
  });

  it("reads the __type of a body that names it", () => {
    const body = {
      __type: "com.amazon.coral.validate#ValidationException",
      message: "Malformed input request",
    };
    const exchange = decode(bedrockEnvelope(CONVERSE, { messages: [] }, { status: 400, body }));
    expect(exchange.response).toMatchObject({
      type: "error",
      error: { type: "ValidationException", message: "Malformed input request" },
    });
  });
});

describe("Bedrock CountTokens", () => {
  const url =
    "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-sonnet-4-20250514-v1:0/count-tokens";

  it("reads the counted request (an InvokeModel body in base64) and the count", () => {
    const invokeBody = {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 4096,
      messages: [{ role: "user", content: [{ type: "text", text: "How many tokens is this sentence?" }] }],
    };
    const payload = {
      input: { invokeModel: { body: Buffer.from(JSON.stringify(invokeBody)).toString("base64") } },
    };
    const exchange = decode(bedrockEnvelope(url, payload, { body: { inputTokens: 18 } }));
    expect([exchange.family, exchange.kind, exchange.model]).toEqual([
      "bedrock",
      "http",
      "anthropic.claude-sonnet-4-20250514-v1:0",
    ]);
    expect(exchange.request.messages).toEqual([
      {
        role: "user",
        parts: [{ type: "text", text: "How many tokens is this sentence?" }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(exchange.response).toEqual({
      type: "result",
      streaming: false,
      status: 200,
      text: null,
      value: { inputTokens: 18 },
    });
    expect(exchange.notes).toEqual(["CountTokens: the request counts 18 input tokens"]);
  });

  it("reads a Converse request to count", () => {
    const payload = {
      input: { converse: { messages: [{ role: "user", content: [{ text: "Count me" }] }] } },
    };
    const exchange = decode(bedrockEnvelope(url, payload, { body: { inputTokens: 9 } }));
    expect(exchange.request.messages.map((message) => message.parts)).toEqual([
      [{ type: "text", text: "Count me" }],
    ]);
  });
});
