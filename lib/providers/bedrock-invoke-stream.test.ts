import { describe, expect, it } from "vitest";
import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, ResponseInfo } from "@/lib/model/exchange";
import { genericDecoder } from "./generic";
import { DECODERS } from "./registry";
import {
  bedrockEnvelope,
  eventStreamBytes,
  invokeChunk,
  type StreamMessage,
} from "./fixtures/bedrock/eventstream";

function decode(envelope: Envelope): Exchange {
  return (DECODERS.find((decoder) => decoder.claims(envelope)) ?? genericDecoder).decode(envelope);
}

function message(response: ResponseInfo) {
  if (response.type !== "message") throw new Error(`response is ${response.type}`);
  return response;
}

const stream = (model: string) =>
  `https://bedrock-runtime.us-east-1.amazonaws.com/model/${model}/invoke-with-response-stream`;

const CLAUDE = stream("us.anthropic.claude-3-7-sonnet-20250219-v1%3A0");
const CLAUDE_REQUEST = {
  anthropic_version: "bedrock-2023-05-31",
  max_tokens: 2048,
  thinking: { type: "enabled", budget_tokens: 1024 },
  tools: [{ name: "get_weather", input_schema: { type: "object" } }],
  messages: [{ role: "user", content: "Weather in Oslo?" }],
};

const CLAUDE_CHUNKS: StreamMessage[] = [
  invokeChunk({
    type: "message_start",
    message: {
      id: "msg_bdrk_01",
      type: "message",
      role: "assistant",
      model: "claude-3-7-sonnet-20250219",
      content: [],
      usage: { input_tokens: 380, output_tokens: 4 },
    },
  }),
  invokeChunk({ type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "" } }),
  invokeChunk({
    type: "content_block_delta",
    index: 0,
    delta: { type: "thinking_delta", thinking: "Oslo: use the tool." },
  }),
  invokeChunk({
    type: "content_block_delta",
    index: 0,
    delta: { type: "signature_delta", signature: "EqQBCkYI" },
  }),
  invokeChunk({ type: "content_block_stop", index: 0 }),
  invokeChunk({ type: "content_block_start", index: 1, content_block: { type: "text", text: "" } }),
  invokeChunk({ type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "Checking " } }),
  invokeChunk({ type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "Oslo." } }),
  invokeChunk({ type: "content_block_stop", index: 1 }),
  invokeChunk({
    type: "content_block_start",
    index: 2,
    content_block: { type: "tool_use", id: "toolu_bdrk_01", name: "get_weather", input: {} },
  }),
  invokeChunk({
    type: "content_block_delta",
    index: 2,
    delta: { type: "input_json_delta", partial_json: '{"city"' },
  }),
  invokeChunk({
    type: "content_block_delta",
    index: 2,
    delta: { type: "input_json_delta", partial_json: ': "Oslo"}' },
  }),
  invokeChunk({ type: "content_block_stop", index: 2 }),
  invokeChunk({
    type: "message_delta",
    delta: { stop_reason: "tool_use", stop_sequence: null },
    usage: { output_tokens: 61 },
  }),
  invokeChunk({
    type: "message_stop",
    "amazon-bedrock-invocationMetrics": {
      inputTokenCount: 380,
      outputTokenCount: 61,
      invocationLatency: 2210,
      firstByteLatency: 702,
    },
  }),
];

describe("InvokeModelWithResponseStream of Anthropic Messages", () => {
  const exchange = decode(bedrockEnvelope(CLAUDE, CLAUDE_REQUEST, { body: eventStreamBytes(CLAUDE_CHUNKS) }));
  const response = message(exchange.response);

  it("decodes the base64 chunks and reassembles them with the Anthropic stream decoder", () => {
    expect([exchange.family, exchange.kind, exchange.model]).toEqual([
      "bedrock",
      "messages",
      "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
    ]);
    expect(response.streaming).toBe(true);
    expect(response.model).toBe("claude-3-7-sonnet-20250219");
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Checking Oslo.",
        reasoning: "Oslo: use the tool.",
        toolCalls: [
          {
            index: 0,
            id: "toolu_bdrk_01",
            name: "get_weather",
            arguments: '{"city": "Oslo"}',
            fragments: ['{"city"', ': "Oslo"}'],
            parsedArguments: { ok: true, value: { city: "Oslo" } },
          },
        ],
        finishReason: "tool_use",
      },
    ]);
    expect(response.usage).toMatchObject({ inputTokens: 380, outputTokens: 61, totalTokens: 441 });
    expect(response.chunks).toHaveLength(15);
    expect(exchange.notes).toEqual([]);
  });

  it("keeps the eventstream message as raw, with the decoded chunk beside it", () => {
    expect(response.chunks[6]).toEqual({
      index: 6,
      deltas: [{ type: "text", choice: 0, text: "Checking ", range: { start: 0, end: 9 } }],
      raw: {
        headers: { ":event-type": "chunk", ":message-type": "event", ":content-type": "application/json" },
        payload: {
          bytes: Buffer.from(
            JSON.stringify({
              type: "content_block_delta",
              index: 1,
              delta: { type: "text_delta", text: "Checking " },
            }),
          ).toString("base64"),
        },
        chunk: { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "Checking " } },
      },
    });
  });

  it("turns an exception into the stream's error", () => {
    const body = eventStreamBytes([
      CLAUDE_CHUNKS[0]!,
      { type: "modelStreamErrorException", exception: true, payload: { message: "Model stream timed out" } },
    ]);
    const failed = decode(bedrockEnvelope(CLAUDE, CLAUDE_REQUEST, { body }));
    expect(failed.response).toEqual({
      type: "error",
      error: {
        type: "modelStreamErrorException",
        status: 200,
        message: "Model stream timed out",
        body: {
          type: "error",
          error: { type: "modelStreamErrorException", message: "Model stream timed out" },
        },
      },
    });
  });

  it("names the chunk whose base64 is not JSON", () => {
    const body = eventStreamBytes([CLAUDE_CHUNKS[0]!, { type: "chunk", payload: { bytes: "bm90IGpzb24=" } }]);
    expect(() => decode(bedrockEnvelope(CLAUDE, CLAUDE_REQUEST, { body }))).toThrow(
      /^response\.body\.\$eventstream\[1\]\.payload\.bytes: the base64 chunk is not JSON/,
    );
  });
});

describe("InvokeModelWithResponseStream of other vendors", () => {
  it("joins Titan Text chunks and reads their counts", () => {
    const body = eventStreamBytes([
      invokeChunk({
        outputText: "The four directions",
        index: 0,
        totalOutputTextTokenCount: 4,
        completionReason: null,
        inputTextTokenCount: 8,
      }),
      invokeChunk({
        outputText: " are N, E, S, W.",
        index: 0,
        totalOutputTextTokenCount: 12,
        completionReason: "FINISH",
        inputTextTokenCount: null,
        "amazon-bedrock-invocationMetrics": {
          inputTokenCount: 8,
          outputTokenCount: 12,
          invocationLatency: 900,
          firstByteLatency: 400,
        },
      }),
    ]);
    const exchange = decode(
      bedrockEnvelope(
        stream("amazon.titan-text-express-v1"),
        { inputText: "Directions?", textGenerationConfig: {} },
        { body },
      ),
    );
    expect(exchange.kind).toBe("completion");
    const response = message(exchange.response);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "The four directions are N, E, S, W.",
        reasoning: "",
        toolCalls: [],
        finishReason: "FINISH",
      },
    ]);
    expect(response.usage).toEqual({
      inputTokens: 8,
      outputTokens: 12,
      totalTokens: 20,
      reasoningTokens: null,
      raw: { inputTextTokenCount: 8, totalOutputTextTokenCount: 12 },
    });
    expect(response.chunks[1]?.deltas).toEqual([
      { type: "text", choice: 0, text: " are N, E, S, W.", range: { start: 19, end: 35 } },
      { type: "finish", choice: 0, reason: "FINISH" },
      { type: "usage", usage: expect.objectContaining({ inputTokens: 8, outputTokens: 12 }) },
    ]);
  });

  it("joins Llama chunks, usage from the invocation metrics when the chunks have none", () => {
    const body = eventStreamBytes([
      invokeChunk({ generation: "Hi", stop_reason: null }),
      invokeChunk({ generation: " there", stop_reason: null }),
      invokeChunk({
        generation: "",
        stop_reason: "stop",
        "amazon-bedrock-invocationMetrics": { inputTokenCount: 6, outputTokenCount: 3 },
      }),
    ]);
    const exchange = decode(
      bedrockEnvelope(
        stream("meta.llama3-8b-instruct-v1%3A0"),
        { prompt: "Hello", max_gen_len: 8 },
        { body },
      ),
    );
    const response = message(exchange.response);
    expect(response.choices[0]).toMatchObject({ content: "Hi there", finishReason: "stop" });
    expect(response.usage).toEqual({
      inputTokens: 6,
      outputTokens: 3,
      totalTokens: 9,
      reasoningTokens: null,
      raw: { inputTokenCount: 6, outputTokenCount: 3 },
    });
  });

  it("reads Nova chunks as Converse events", () => {
    const body = eventStreamBytes([
      invokeChunk({ messageStart: { role: "assistant" } }),
      invokeChunk({ contentBlockDelta: { delta: { text: "Lima" }, contentBlockIndex: 0 } }),
      invokeChunk({ contentBlockDelta: { delta: { text: "." }, contentBlockIndex: 0 } }),
      invokeChunk({ contentBlockStop: { contentBlockIndex: 0 } }),
      invokeChunk({ messageStop: { stopReason: "end_turn" } }),
      invokeChunk({
        metadata: { usage: { inputTokens: 7, outputTokens: 2 } },
        "amazon-bedrock-invocationMetrics": { inputTokenCount: 7, outputTokenCount: 2 },
      }),
    ]);
    const payload = {
      messages: [{ role: "user", content: [{ text: "Capital of Peru?" }] }],
      inferenceConfig: {},
    };
    const exchange = decode(bedrockEnvelope(stream("us.amazon.nova-micro-v1%3A0"), payload, { body }));
    expect(exchange.kind).toBe("chat");
    const response = message(exchange.response);
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Lima.",
        reasoning: "",
        toolCalls: [],
        finishReason: "end_turn",
      },
    ]);
    expect(response.usage).toMatchObject({
      inputTokens: 7,
      outputTokens: 2,
      totalTokens: 9,
      raw: { inputTokens: 7, outputTokens: 2 },
    });
    expect(response.chunks.map((chunk) => chunk.deltas.map((d) => d.type))).toEqual([
      ["role"],
      ["text"],
      ["text"],
      ["event"],
      ["finish"],
      ["usage"],
    ]);
  });
});
