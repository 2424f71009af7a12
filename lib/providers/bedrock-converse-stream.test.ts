import { describe, expect, it } from "vitest";
import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, ResponseInfo } from "@/lib/model/exchange";
import { genericDecoder } from "./generic";
import { DECODERS } from "./registry";
import { bedrockEnvelope, eventStreamBytes, type StreamMessage } from "./fixtures/bedrock/eventstream";

function decode(envelope: Envelope): Exchange {
  return (DECODERS.find((decoder) => decoder.claims(envelope)) ?? genericDecoder).decode(envelope);
}

const URL =
  "https://bedrock-runtime.us-west-2.amazonaws.com/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse-stream";
const REQUEST = {
  messages: [{ role: "user", content: [{ text: "Weather in Paris? Think first." }] }],
  system: [],
  inferenceConfig: { maxTokens: 2048 },
  toolConfig: { tools: [{ toolSpec: { name: "get_weather", inputSchema: { json: { type: "object" } } } }] },
};

const delta = (block: number, value: unknown): StreamMessage => ({
  type: "contentBlockDelta",
  payload: { contentBlockIndex: block, delta: value, p: "abcdef" },
});

/** A stream with reasoning, text and a tool call whose input comes in three fragments. */
const MESSAGES: StreamMessage[] = [
  { type: "messageStart", payload: { role: "assistant", p: "abcdefghij" } },
  delta(0, { reasoningContent: { text: "The user wants " } }),
  delta(0, { reasoningContent: { text: "the weather." } }),
  delta(0, { reasoningContent: { signature: "EqQBCkYIARAB" } }),
  { type: "contentBlockStop", payload: { contentBlockIndex: 0 } },
  delta(1, { text: "Let me check " }),
  delta(1, { text: "Paris." }),
  { type: "contentBlockStop", payload: { contentBlockIndex: 1 } },
  {
    type: "contentBlockStart",
    payload: {
      contentBlockIndex: 2,
      start: { toolUse: { toolUseId: "tooluse_P4r1s", name: "get_weather" } },
    },
  },
  delta(2, { toolUse: { input: "" } }),
  delta(2, { toolUse: { input: '{"city": ' } }),
  delta(2, { toolUse: { input: '"Paris"}' } }),
  { type: "contentBlockStop", payload: { contentBlockIndex: 2 } },
  { type: "messageStop", payload: { stopReason: "tool_use" } },
  {
    type: "metadata",
    payload: {
      usage: { inputTokens: 412, outputTokens: 87, totalTokens: 499 },
      metrics: { latencyMs: 1875 },
    },
  },
];

function message(response: ResponseInfo) {
  if (response.type !== "message") throw new Error(`response is ${response.type}`);
  return response;
}

describe("Bedrock ConverseStream", () => {
  const exchange = decode(bedrockEnvelope(URL, REQUEST, { body: eventStreamBytes(MESSAGES) }));
  const response = message(exchange.response);

  it("is a streamed Bedrock chat call", () => {
    expect([exchange.family, exchange.kind, exchange.provider, exchange.model]).toEqual([
      "bedrock",
      "chat",
      "bedrock",
      "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
    ]);
    expect(response.streaming).toBe(true);
    expect(exchange.request.tools.map((tool) => tool.name)).toEqual(["get_weather"]);
    expect(exchange.notes).toEqual([]);
  });

  it("reassembles text, reasoning apart, and the tool call's joined input", () => {
    expect(response.choices).toEqual([
      {
        index: 0,
        role: "assistant",
        content: "Let me check Paris.",
        reasoning: "The user wants the weather.",
        toolCalls: [
          {
            index: 0,
            id: "tooluse_P4r1s",
            name: "get_weather",
            arguments: '{"city": "Paris"}',
            fragments: ['{"city": ', '"Paris"}'],
            parsedArguments: { ok: true, value: { city: "Paris" } },
          },
        ],
        finishReason: "tool_use",
      },
    ]);
    expect(response.usage).toEqual({
      inputTokens: 412,
      outputTokens: 87,
      totalTokens: 499,
      reasoningTokens: null,
      raw: { inputTokens: 412, outputTokens: 87, totalTokens: 499 },
    });
  });

  it("makes one chunk per eventstream message, saying what each adds and where", () => {
    expect(response.chunks.map((chunk) => chunk.deltas)).toEqual([
      [{ type: "role", choice: 0, role: "assistant" }],
      [{ type: "reasoning", choice: 0, text: "The user wants ", range: { start: 0, end: 15 } }],
      [{ type: "reasoning", choice: 0, text: "the weather.", range: { start: 15, end: 27 } }],
      [{ type: "event", label: "reasoning signature" }],
      [{ type: "event", label: "contentBlockStop" }],
      [{ type: "text", choice: 0, text: "Let me check ", range: { start: 0, end: 13 } }],
      [{ type: "text", choice: 0, text: "Paris.", range: { start: 13, end: 19 } }],
      [{ type: "event", label: "contentBlockStop" }],
      [
        {
          type: "tool-call",
          choice: 0,
          toolIndex: 0,
          id: "tooluse_P4r1s",
          name: "get_weather",
          arguments: "",
          range: { start: 0, end: 0 },
        },
      ],
      [
        {
          type: "tool-call",
          choice: 0,
          toolIndex: 0,
          id: null,
          name: null,
          arguments: "",
          range: { start: 0, end: 0 },
        },
      ],
      [
        {
          type: "tool-call",
          choice: 0,
          toolIndex: 0,
          id: null,
          name: null,
          arguments: '{"city": ',
          range: { start: 0, end: 9 },
        },
      ],
      [
        {
          type: "tool-call",
          choice: 0,
          toolIndex: 0,
          id: null,
          name: null,
          arguments: '"Paris"}',
          range: { start: 9, end: 17 },
        },
      ],
      [{ type: "event", label: "contentBlockStop" }],
      [{ type: "finish", choice: 0, reason: "tool_use" }],
      [
        {
          type: "usage",
          usage: expect.objectContaining({ inputTokens: 412, outputTokens: 87, totalTokens: 499 }),
        },
      ],
    ]);
  });

  it("keeps each eventstream message as the chunk's raw", () => {
    expect(response.chunks[1]?.raw).toEqual({
      headers: {
        ":event-type": "contentBlockDelta",
        ":message-type": "event",
        ":content-type": "application/json",
      },
      payload: {
        contentBlockIndex: 0,
        delta: { reasoningContent: { text: "The user wants " } },
        p: "abcdef",
      },
    });
  });

  it("tells events apart by their payload when :event-type is missing", () => {
    const bare = MESSAGES.map((entry) => ({ ...entry, bare: true }));
    const stream = message(decode(bedrockEnvelope(URL, REQUEST, { body: eventStreamBytes(bare) })).response);
    expect(stream.choices).toEqual(response.choices);
    expect(stream.usage).toEqual(response.usage);
  });
});

describe("exceptions in a ConverseStream", () => {
  it("is an error when the stream is nothing but an exception", () => {
    const body = eventStreamBytes([
      {
        type: "throttlingException",
        exception: true,
        payload: { message: "Too many requests, please wait before trying again." },
      },
    ]);
    const exchange = decode(bedrockEnvelope(URL, REQUEST, { body }));
    expect(exchange.family).toBe("bedrock");
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "throttlingException",
        status: 200,
        message: "Too many requests, please wait before trying again.",
        body: { message: "Too many requests, please wait before trying again." },
      },
    });
  });

  it("keeps the text before an exception and notes the exception", () => {
    const body = eventStreamBytes([
      { type: "messageStart", payload: { role: "assistant" } },
      delta(0, { text: "Partial answer" }),
      {
        type: "modelStreamErrorException",
        exception: true,
        payload: { message: "Model stream failed", originalStatusCode: 500 },
      },
    ]);
    const exchange = decode(bedrockEnvelope(URL, REQUEST, { body }));
    const stream = message(exchange.response);
    expect(stream.choices[0]?.content).toBe("Partial answer");
    expect(stream.choices[0]?.finishReason).toBeNull();
    expect(stream.chunks[2]?.deltas).toEqual([
      { type: "event", label: "exception modelStreamErrorException: Model stream failed" },
    ]);
    expect(exchange.notes).toEqual([
      "the stream carries an exception (modelStreamErrorException: Model stream failed)",
    ]);
  });

  it("reads eventstream bytes the container kept as binary (content type redacted)", () => {
    const body = eventStreamBytes([
      {
        type: "validationException",
        exception: true,
        payload: { message: "Input is too long for requested model." },
      },
    ]);
    const envelope = bedrockEnvelope(URL, REQUEST, { headers: { "content-type": ["**REDACTED**"] }, body });
    expect(envelope.response.body).toMatchObject({ $binary: { mediaType: "**redacted**" } });
    const exchange = decode(envelope);
    expect(exchange.response).toMatchObject({
      type: "error",
      error: { type: "validationException", message: "Input is too long for requested model." },
    });
    expect(exchange.notes).toEqual([
      "the body was kept as bytes; Tapedeck read them as the AWS eventstream the call returns",
    ]);
  });

  it("names the JSON path of a malformed event", () => {
    const body = eventStreamBytes([
      { type: "messageStart", payload: { role: "assistant" } },
      delta(0, { text: ["not", "a", "string"] }),
    ]);
    expect(() => decode(bedrockEnvelope(URL, REQUEST, { body }))).toThrow(
      /^response\.body\.\$eventstream\[1\]\.payload\.delta\.text: /,
    );
  });

  it("refuses a reply that is not an eventstream", () => {
    expect(() => decode(bedrockEnvelope(URL, REQUEST, { body: { output: {} } }))).toThrow(
      "response.body: a ConverseStream reply must be an AWS eventstream",
    );
  });
});
