import { anthropicStream, cohereStream, ollamaStream, responsesStream } from "./provider-streams";
import type { ExpectedInteraction, Sample } from "./sample";
import { GO_YAML, writeYaml, type YamlValue } from "./yaml-writer";

/**
 * go-vcr v4 cassettes (`version: 2`) as a Go SDK's tests write them: one file per test under
 * `providers/<provider>/testdata/TestClient/`, request bodies as `json.Encoder` leaves them
 * (a trailing newline), response bodies as received, `duration` per interaction.
 */

const ROOT = "go-app/providers";

interface Call {
  url: string;
  method?: string;
  /** The request body object; written as `json.Encoder` does, with a newline. */
  body: unknown;
  headers: Record<string, string[]>;
  response: {
    proto?: "HTTP/1.1" | "HTTP/2.0";
    status: string;
    body: string;
    /** -1 for a chunked (streamed) reply, else the body's length. */
    contentLength?: number;
    headers: Record<string, string[]>;
    duration: string;
  };
}

function interaction(call: Call, id: number): YamlValue {
  const url = new URL(call.url);
  const body = `${JSON.stringify(call.body)}\n`;
  const proto = call.response.proto ?? "HTTP/2.0";
  const [major, minor] = proto === "HTTP/2.0" ? [2, 0] : [1, 1];
  const code = Number(call.response.status.split(" ")[0]);
  return {
    id,
    request: {
      proto: "HTTP/1.1",
      proto_major: 1,
      proto_minor: 1,
      content_length: Buffer.byteLength(body),
      host: url.host,
      body,
      headers: call.headers,
      url: call.url,
      method: call.method ?? "POST",
    },
    response: {
      proto,
      proto_major: major,
      proto_minor: minor,
      content_length: call.response.contentLength ?? -1,
      ...(call.response.contentLength === undefined ? {} : { uncompressed: true }),
      body: call.response.body,
      headers: call.response.headers,
      status: call.response.status,
      code,
      duration: call.response.duration,
    },
  };
}

function cassette(path: string, calls: Call[], expected: ExpectedInteraction[]): Sample {
  return {
    path: `${ROOT}/${path}`,
    format: "go-vcr",
    content: writeYaml({ version: 2, interactions: calls.map(interaction) }, GO_YAML, true),
    interactions: expected,
  };
}

const JSON_HEADERS = { "Content-Type": ["application/json; charset=utf-8"] };

const CLOUDFLARE = (ray: string) => ({
  "Cf-Cache-Status": ["DYNAMIC"],
  "Cf-Ray": [ray],
  Server: ["cloudflare"],
});

function openaiResponsesStream(): Sample {
  const question = "Explain what a leap second is in two sentences.";
  const input = [{ type: "message", role: "user", content: [{ type: "input_text", text: question }] }];
  const pieces = [
    "A leap second",
    " is a one-second adjustment",
    " added to Coordinated Universal Time (UTC)",
    " to keep it close to the Earth's slowing rotation.",
    " It is inserted at the end of June 30 or December 31",
    ", when clocks read 23:59:60 before midnight.",
  ];
  const body = responsesStream({
    responseId: "resp_05f1c3a7e9b2d4f6a8c0e2sample0leapsec01",
    messageId: "msg_05f1c3a7e9b2d4f6a8c0e2sample0leapsec02",
    created: 1767312600,
    model: "gpt-5-nano-2025-08-07",
    input,
    pieces,
    tokens: { input: 16, output: 52 },
  });
  return cassette(
    "openairesponses/testdata/TestClient/GenStream-Text.yaml",
    [
      {
        url: "https://api.openai.com/v1/responses",
        body: { model: "gpt-5-nano", input, stream: true, store: false },
        headers: JSON_HEADERS,
        response: {
          status: "200 OK",
          body,
          headers: {
            "Access-Control-Expose-Headers": ["X-Request-ID"],
            "Alt-Svc": ['h3=":443"; ma=86400'],
            ...CLOUDFLARE("9b4c2e1f7a3d5b60-YUL"),
            "Content-Type": ["text/event-stream; charset=utf-8"],
            "Openai-Processing-Ms": ["142"],
            "Openai-Version": ["2020-10-01"],
            "Strict-Transport-Security": ["max-age=31536000; includeSubDomains; preload"],
            "X-Content-Type-Options": ["nosniff"],
            "X-Request-Id": ["req_3f6a9c2e5b8d1f4a7c0e3b6d9f2a5c8e"],
          },
          duration: "2.214s",
        },
      },
    ],
    [{ family: "openai-responses", streaming: true, text: pieces.join("") }],
  );
}

function anthropicThinkingStream(): Sample {
  const thinking = ["The user wants the word", " for a group of crows.", " That is a murder."];
  const pieces = ["A group of crows", " is called a murder."];
  const body = anthropicStream({
    id: "msg_01Kx4Vb8Nq2Rt6Yz3Hc9Lp5W",
    model: "claude-sonnet-4-5-20250929",
    thinking,
    signature: "EpQCSampleSignatureNotRealQWxsIHRoaXMgaXMgaW52ZW50ZWQgZm9yIFRhcGVkZWNrJ3Mgc2FtcGxlcy4=",
    pieces,
    tokens: { input: 48, output: 61 },
  });
  return cassette(
    "anthropic/testdata/TestClient/GenStream-Thinking.yaml",
    [
      {
        url: "https://api.anthropic.com/v1/messages",
        body: {
          model: "claude-sonnet-4-5-20250929",
          max_tokens: 2048,
          messages: [
            { role: "user", content: [{ type: "text", text: "What is a group of crows called? One line." }] },
          ],
          stream: true,
          thinking: { type: "enabled", budget_tokens: 1024 },
        },
        headers: { "Anthropic-Version": ["2023-06-01"], ...JSON_HEADERS },
        response: {
          status: "200 OK",
          body,
          headers: {
            "Anthropic-Organization-Id": ["00000000-0000-4000-8000-000000000000"],
            "Cache-Control": ["no-cache"],
            ...CLOUDFLARE("9b4c2e6a1d8f3b72-YUL"),
            "Content-Type": ["text/event-stream; charset=utf-8"],
            "Request-Id": ["req_011CSampleThinkingStream01"],
            "Strict-Transport-Security": ["max-age=31536000; includeSubDomains; preload"],
          },
          duration: "3.087s",
        },
      },
    ],
    [{ family: "anthropic-messages", streaming: true, text: pieces.join(""), reasoning: thinking.join("") }],
  );
}

function anthropicBadModel(): Sample {
  const error = {
    type: "error",
    error: { type: "not_found_error", message: "model: claude-nonexistent-9" },
    request_id: "req_011CSampleBadModel000001",
  };
  const body = JSON.stringify(error);
  return cassette(
    "anthropic/testdata/TestClient/errors/bad_model/GenSync.yaml",
    [
      {
        url: "https://api.anthropic.com/v1/messages",
        body: {
          model: "claude-nonexistent-9",
          max_tokens: 64,
          messages: [{ role: "user", content: [{ type: "text", text: "Tell a short joke." }] }],
        },
        headers: { "Anthropic-Version": ["2023-06-01"], ...JSON_HEADERS },
        response: {
          status: "404 Not Found",
          body,
          contentLength: Buffer.byteLength(body),
          headers: {
            ...CLOUDFLARE("9b4c2e7b3f0a5c81-YUL"),
            "Content-Type": ["application/json"],
            "Request-Id": ["req_011CSampleBadModel000001"],
            "X-Should-Retry": ["false"],
          },
          duration: "97ms",
        },
      },
    ],
    [{ family: "anthropic-messages", streaming: false, error: { type: "not_found_error", status: 404 } }],
  );
}

function cohereChatStream(): Sample {
  const pieces = [
    "Start the subject line",
    " with an imperative verb",
    " and keep it under 50 characters",
    ', for example "Fix crash when the config file is empty".',
  ];
  return cassette(
    "cohere/testdata/TestClient/GenStream-Text.yaml",
    [
      {
        url: "https://api.cohere.com/v2/chat",
        body: {
          stream: true,
          model: "command-r7b-12-2024",
          messages: [
            {
              role: "user",
              content: [{ type: "text", text: "Give one tip for writing clear commit messages." }],
            },
          ],
        },
        headers: JSON_HEADERS,
        response: {
          status: "200 OK",
          body: cohereStream({
            id: "5d0f3c1a-8b2e-4f7d-9a6c-1e3b5d7f9a20",
            pieces,
            tokens: { input: 11, output: 27 },
          }),
          headers: {
            "Cache-Control": ["no-cache, no-store, no-transform, must-revalidate, private, max-age=0"],
            "Content-Type": ["text/event-stream"],
            Server: ["envoy"],
            Vary: ["Origin"],
            Via: ["1.1 google"],
            "X-Debug-Trace-Id": ["0f3b6e9c2a5d8f1b4e7a0c3f6b9d2e5a"],
            "X-Envoy-Upstream-Service-Time": ["96"],
          },
          duration: "412ms",
        },
      },
    ],
    [{ family: "cohere-chat", streaming: true, text: pieces.join("") }],
  );
}

function ollamaChatStream(): Sample {
  const pieces = ["Bom", " dia", "!"];
  return cassette(
    "ollama/testdata/TestClient/GenStream-Text.yaml",
    [
      {
        url: "http://localhost:11434/api/chat",
        body: {
          model: "qwen3:0.6b",
          messages: [
            {
              role: "user",
              content: "Translate 'good morning' into Portuguese. Reply with the translation only.",
            },
          ],
          stream: true,
          think: false,
        },
        headers: JSON_HEADERS,
        response: {
          proto: "HTTP/1.1",
          status: "200 OK",
          body: ollamaStream({
            model: "qwen3:0.6b",
            startedAtMicros: 1767313021_482913,
            pieces,
            tokens: { input: 24, output: 4 },
          }),
          headers: { "Content-Type": ["application/x-ndjson"], Date: ["Fri, 02 Jan 2026 00:17:01 GMT"] },
          duration: "1.861s",
        },
      },
    ],
    [{ family: "ollama", streaming: true, text: pieces.join("") }],
  );
}

export function goVcrSamples(): Sample[] {
  return [
    openaiResponsesStream(),
    anthropicThinkingStream(),
    anthropicBadModel(),
    cohereChatStream(),
    ollamaChatStream(),
  ];
}
