import { gzip, pythonJson } from "./bodies";
import type { Sample } from "./sample";
import { PYYAML, writeYaml } from "./yaml-writer";

/**
 * A LangChain (langchain-aws) cassette: vcrpy's `requests:` / `responses:` layout, gzip'd whole
 * (`.yaml.gz`), request bodies as bytes (`!!binary`), every header value `**REDACTED**`.
 * A Bedrock Converse tool loop: the model calls a currency tool, then answers.
 */

const R = "**REDACTED**";
const MODEL_URL =
  "https://bedrock-runtime.us-west-2.amazonaws.com/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse";
/** When the cassette was gzip'd (Python's `gzip` writes it): fixed, so the bytes are stable. */
const GZIP_MTIME = 1767225600;

const TOOL_CONFIG = {
  tools: [
    {
      toolSpec: {
        name: "convert_currency",
        description: "Convert an amount between currencies at today's rate.",
        inputSchema: {
          json: {
            properties: {
              amount: { type: "number" },
              from_currency: { type: "string" },
              to_currency: { type: "string" },
            },
            required: ["amount", "from_currency", "to_currency"],
            type: "object",
          },
        },
      },
    },
  ],
};

const QUESTION = { role: "user", content: [{ text: "How many euros is 250 US dollars today?" }] };
const SYSTEM = [{ text: "You are a helpful assistant. Use tools when they help." }];
const TOOL_USE = {
  toolUse: {
    input: { amount: 250, from_currency: "USD", to_currency: "EUR" },
    name: "convert_currency",
    toolUseId: "tooluse_Q3kz8Vn2Rb5Lw7Yc1Hd4Tx",
  },
};
const PREFACE = { text: "I'll convert that for you." };
const ANSWER = "250 US dollars is about 230.45 euros at today's rate of 0.9218.";

function requestBody(messages: unknown[]): Buffer {
  return Buffer.from(
    pythonJson({ messages, system: SYSTEM, inferenceConfig: { maxTokens: 1024 }, toolConfig: TOOL_CONFIG }),
  );
}

function request(body: Buffer) {
  return {
    body,
    headers: {
      "Content-Length": [R],
      "Content-Type": [R],
      "User-Agent": [R],
      "X-Amz-Date": [R],
      "amz-sdk-invocation-id": [R],
      "amz-sdk-request": [R],
      authorization: [R],
    },
    method: "POST",
    uri: MODEL_URL,
  };
}

function response(reply: unknown) {
  return {
    body: { string: Buffer.from(JSON.stringify(reply)) },
    headers: { Connection: R, "Content-Length": R, "Content-Type": R, Date: R, "x-amzn-RequestId": R },
    status: { code: 200, message: "OK" },
  };
}

export function langchainSamples(): Sample[] {
  const assistant = { role: "assistant", content: [PREFACE, TOOL_USE] };
  const result = {
    role: "user",
    content: [
      {
        toolResult: {
          toolUseId: TOOL_USE.toolUse.toolUseId,
          content: [{ json: { amount: 230.45, currency: "EUR", rate: 0.9218 } }],
          status: "success",
        },
      },
    ],
  };
  const first = {
    metrics: { latencyMs: 1432 },
    output: { message: { content: [PREFACE, TOOL_USE], role: "assistant" } },
    stopReason: "tool_use",
    usage: { inputTokens: 431, outputTokens: 88, totalTokens: 519 },
  };
  const second = {
    metrics: { latencyMs: 977 },
    output: { message: { content: [{ text: ANSWER }], role: "assistant" } },
    stopReason: "end_turn",
    usage: { inputTokens: 552, outputTokens: 29, totalTokens: 581 },
  };
  const yaml = writeYaml(
    {
      requests: [request(requestBody([QUESTION])), request(requestBody([QUESTION, assistant, result]))],
      responses: [response(first), response(second)],
    },
    PYYAML,
  );
  return [
    {
      path: "langchain-aws/libs/aws/tests/cassettes/test_tool_calling_converse[v0].yaml.gz",
      format: "langchain",
      content: gzip(yaml, GZIP_MTIME),
      interactions: [
        {
          family: "bedrock",
          streaming: false,
          text: PREFACE.text,
          toolCalls: [{ name: "convert_currency", arguments: JSON.stringify(TOOL_USE.toolUse.input) }],
        },
        { family: "bedrock", streaming: false, text: ANSWER, toolCalls: [] },
      ],
    },
  ];
}
