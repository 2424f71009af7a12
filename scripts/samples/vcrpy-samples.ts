import { kiwiPng, pythonJson } from "./bodies";
import { anthropicToolLoop } from "./anthropic-tool-loop";
import { bedrockConverseStream, geminiSse, openaiChatStream } from "./provider-streams";
import type { Sample } from "./sample";
import { DoubleQuoted, PYYAML, writeYaml, type YamlValue } from "./yaml-writer";

/**
 * vcrpy cassettes as pytest-recording and pydantic-ai's serializer write them: keys sorted,
 * JSON bodies as `parsed_body` where pydantic-ai parses them, SSE and bytes as `body.string`.
 */

const ROOT = "python-app/tests/models/cassettes";

type Headers = Record<string, YamlValue[]>;

const OK = { code: 200, message: "OK" };

function requestHeaders(host: string, body: string | null, extra: Headers = {}): Headers {
  return {
    accept: ["application/json"],
    "accept-encoding": ["gzip, deflate"],
    connection: ["keep-alive"],
    ...(body === null
      ? {}
      : { "content-length": [String(Buffer.byteLength(body))], "content-type": ["application/json"] }),
    host: [host],
    ...extra,
  };
}

const OPENAI_SDK: Headers = {
  "user-agent": ["AsyncOpenAI/Python 1.109.1"],
  "x-stainless-arch": ["arm64"],
  "x-stainless-async": ["async:asyncio"],
  "x-stainless-lang": ["python"],
  "x-stainless-os": ["MacOS"],
  "x-stainless-package-version": ["1.109.1"],
  "x-stainless-read-timeout": ["600"],
  "x-stainless-retry-count": ["0"],
  "x-stainless-runtime": ["CPython"],
  "x-stainless-runtime-version": ["3.12.11"],
};

function openaiResponseHeaders(contentType: string, processingMs: number, requestId: string): Headers {
  return {
    "access-control-expose-headers": ["X-Request-ID"],
    "alt-svc": ['h3=":443"; ma=86400'],
    connection: ["keep-alive"],
    "content-type": [contentType],
    "openai-organization": ["tapedeck-samples"],
    "openai-processing-ms": [String(processingMs)],
    "openai-project": ["proj_SamplePr0ject0000000000"],
    "openai-version": ["2020-10-01"],
    "strict-transport-security": ["max-age=31536000; includeSubDomains; preload"],
    "transfer-encoding": ["chunked"],
    "x-content-type-options": ["nosniff"],
    "x-request-id": [requestId],
  };
}

const HAIKU = [
  "Salt",
  " pools",
  " hold",
  " the",
  " sky",
  " —\n",
  "an",
  "emones",
  " close",
  " like",
  " fists",
  "\n",
];
const HAIKU_END = ["when", " the", " cold", " wave", " comes", "."];

function openaiChatStreamSample(): Sample {
  const pieces = [...HAIKU, ...HAIKU_END];
  const body = JSON.stringify({
    messages: [
      { role: "system", content: "You are a concise poet." },
      { role: "user", content: "Write a haiku about tide pools." },
    ],
    model: "gpt-4o-mini",
    stream: true,
    stream_options: { include_usage: true },
  });
  const sse = openaiChatStream({
    id: "chatcmpl-CTd8sample0TidePoolHaiku01",
    created: 1767312005,
    model: "gpt-4o-mini-2024-07-18",
    fingerprint: "fp_8bda4d3a2c",
    pieces,
    tokens: { input: 27, output: 19 },
  });
  const content = writeYaml(
    {
      interactions: [
        {
          request: {
            body,
            headers: requestHeaders("api.openai.com", body, OPENAI_SDK),
            method: "POST",
            uri: "https://api.openai.com/v1/chat/completions",
          },
          response: {
            body: { string: sse },
            headers: openaiResponseHeaders(
              "text/event-stream; charset=utf-8",
              188,
              "req_5e0c1f7a9b2d4c6e8f0a1b2c3d4e5f60",
            ),
            status: OK,
          },
        },
      ],
      version: 1,
    },
    PYYAML,
  );
  return {
    path: `${ROOT}/test_openai/test_chat_stream.yaml`,
    format: "vcrpy",
    content,
    interactions: [{ family: "openai-chat", streaming: true, text: pieces.join("") }],
  };
}

function geminiStreamSample(): Sample {
  const request = {
    contents: [
      { parts: [{ text: "Name the three primary colours of light, comma-separated." }], role: "user" },
    ],
    generationConfig: { temperature: 0 },
  };
  const pieces = ["Red", ", green, and blue", "."];
  const sse = geminiSse({
    model: "gemini-2.5-flash",
    responseId: "q8NdacXyAbCdEfGhIjKlMn",
    pieces,
    tokens: { input: 11, output: 6, thoughts: 28 },
  });
  const content = writeYaml(
    {
      interactions: [
        {
          request: {
            headers: requestHeaders("generativelanguage.googleapis.com", JSON.stringify(request), {
              accept: ["*/*"],
              "user-agent": ["google-genai-sdk/1.41.0 gl-python/3.12.11"],
              "x-goog-api-client": ["google-genai-sdk/1.41.0 gl-python/3.12.11"],
            }),
            method: "POST",
            parsed_body: request,
            uri: "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
          },
          response: {
            // PyYAML double-quotes text with carriage returns.
            body: { string: new DoubleQuoted(sse) },
            headers: {
              "alt-svc": ['h3=":443"; ma=2592000,h3-29=":443"; ma=2592000'],
              "content-disposition": ["attachment"],
              "content-type": ["text/event-stream"],
              "server-timing": ["gfet4t7; dur=611"],
              "transfer-encoding": ["chunked"],
              vary: ["Origin", "X-Origin", "Referer"],
            },
            status: OK,
          },
        },
      ],
      version: 1,
    },
    PYYAML,
  );
  return {
    path: `${ROOT}/test_google/test_google_model_stream_text.yaml`,
    format: "vcrpy",
    content,
    interactions: [{ family: "gemini", streaming: true, text: pieces.join("") }],
  };
}

function bedrockStreamSample(): Sample {
  // boto3 sends the body and some headers as bytes: vcrpy keeps the body text, the headers `!!binary`.
  const body = pythonJson({
    messages: [{ role: "user", content: [{ text: "Why is the sky blue? One sentence." }] }],
    system: [{ text: "You are a helpful chatbot." }],
    inferenceConfig: { maxTokens: 256, temperature: 0.5 },
  });
  const pieces = [
    "Sunlight scatters off air molecules",
    ", and blue light, with its shorter wavelength,",
    " scatters the most",
    ", so the sky looks blue.",
  ];
  const content = writeYaml(
    {
      interactions: [
        {
          request: {
            body,
            headers: {
              "amz-sdk-invocation-id": [Buffer.from("7c1e2a94-5b3d-4f86-9a0e-2d4c6b8e1f35")],
              "amz-sdk-request": [Buffer.from("attempt=1")],
              "content-length": [String(Buffer.byteLength(body))],
              "content-type": [Buffer.from("application/json")],
            },
            method: "POST",
            uri: "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.amazon.nova-micro-v1%3A0/converse-stream",
          },
          response: {
            body: {
              string: bedrockConverseStream({ pieces, tokens: { input: 16, output: 27 }, latencyMs: 412 }),
            },
            headers: {
              connection: ["keep-alive"],
              "content-type": ["application/vnd.amazon.eventstream"],
              "transfer-encoding": ["chunked"],
            },
            status: OK,
          },
        },
      ],
      version: 1,
    },
    PYYAML,
  );
  return {
    path: `${ROOT}/test_bedrock/test_bedrock_model_stream.yaml`,
    format: "vcrpy",
    content,
    interactions: [{ family: "bedrock", streaming: true, text: pieces.join("") }],
  };
}

const IMAGE_URL = "https://raw.githubusercontent.com/tapedeck-samples/assets/main/fruit/kiwi.png";

/** A test that downloads an image (a non-LLM GET of a PNG), then asks the Responses API about it. */
function imageInputSample(): Sample {
  const png = kiwiPng();
  const request: { [key: string]: YamlValue } = {
    input: [
      {
        content: [
          { text: "What fruit is in this picture? One short sentence.", type: "input_text" },
          {
            detail: "auto",
            image_url: `data:image/png;base64,${Buffer.from(png).toString("base64")}`,
            type: "input_image",
          },
        ],
        role: "user",
      },
    ],
    model: "gpt-4.1-mini",
    stream: false,
  };
  const answer = "It's a kiwi fruit, cut in half to show its green flesh and ring of dark seeds.";
  const response = {
    background: false,
    created_at: 1767312240,
    error: null,
    id: "resp_0a7c3e5f9b1d2468ace0sample00kiwi0001",
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    metadata: {},
    model: "gpt-4.1-mini-2025-04-14",
    object: "response",
    output: [
      {
        content: [{ annotations: [], logprobs: [], text: answer, type: "output_text" }],
        id: "msg_0a7c3e5f9b1d2468ace0sample00kiwi0002",
        role: "assistant",
        status: "completed",
        type: "message",
      },
    ],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    status: "completed",
    store: true,
    temperature: 1.0,
    text: { format: { type: "text" }, verbosity: "medium" },
    tool_choice: "auto",
    tools: [],
    top_p: 1.0,
    truncation: "disabled",
    usage: {
      input_tokens: 104,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 21,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 125,
    },
    user: null,
  };
  const content = writeYaml(
    {
      interactions: [
        {
          request: {
            body: null,
            headers: {
              accept: ["*/*"],
              "accept-encoding": ["gzip, deflate"],
              connection: ["keep-alive"],
              host: ["raw.githubusercontent.com"],
              "user-agent": ["python-httpx/0.28.1"],
            },
            method: "GET",
            uri: IMAGE_URL,
          },
          response: {
            body: { string: png },
            headers: {
              "accept-ranges": ["bytes"],
              "access-control-allow-origin": ["*"],
              "cache-control": ["max-age=300"],
              connection: ["keep-alive"],
              "content-length": [String(png.length)],
              "content-security-policy": ["default-src 'none'; style-src 'unsafe-inline'; sandbox"],
              "content-type": ["image/png"],
              etag: ['W/"4b1e8f0c2a6d9e3b7f5a1c0d8e2b4f6a9c3e7d1b5f0a2c4e6b8d0f1a3c5e7b9d"'],
              "strict-transport-security": ["max-age=31536000"],
              vary: ["Authorization,Accept-Encoding"],
              via: ["1.1 varnish"],
              "x-cache": ["HIT"],
              "x-content-type-options": ["nosniff"],
              "x-frame-options": ["deny"],
              "x-github-request-id": ["A1B2:3C4D5:6E7F80:91A2B3:6956F0A0"],
            },
            status: OK,
          },
        },
        {
          request: {
            headers: requestHeaders("api.openai.com", JSON.stringify(request), OPENAI_SDK),
            method: "POST",
            parsed_body: request,
            uri: "https://api.openai.com/v1/responses",
          },
          response: {
            headers: openaiResponseHeaders("application/json", 1342, "req_8d2f4a6c0e1b3d5f7a9c2e4b6d8f0a1c"),
            parsed_body: response,
            status: OK,
          },
        },
      ],
      version: 1,
    },
    PYYAML,
  );
  return {
    path: `${ROOT}/test_openai_responses/test_image_url_input.yaml`,
    format: "vcrpy",
    content,
    interactions: [
      { family: "generic", streaming: false, nonLlm: true },
      { family: "openai-responses", streaming: false, text: answer },
    ],
  };
}

/** A reply of the tool loop as vcrpy stores it: SSE text as a string body, JSON parsed. */
function loopResponse(response: string | { [key: string]: YamlValue }): { [key: string]: YamlValue } {
  const headers = (contentType: string) => ({
    connection: ["keep-alive"],
    "content-type": [contentType],
    "strict-transport-security": ["max-age=31536000; includeSubDomains; preload"],
    "transfer-encoding": ["chunked"],
  });
  if (typeof response === "string") {
    return { body: { string: response }, headers: headers("text/event-stream; charset=utf-8"), status: OK };
  }
  return { headers: headers("application/json"), parsed_body: response, status: OK };
}

function toolLoopSample(): Sample {
  const loop = anthropicToolLoop();
  const content = writeYaml(
    {
      interactions: loop.calls.map(({ request, response }) => ({
        request: {
          headers: requestHeaders("api.anthropic.com", JSON.stringify(request), {
            "anthropic-version": ["2023-06-01"],
            "user-agent": ["AsyncAnthropic/Python 0.69.0"],
            "x-stainless-async": ["async:asyncio"],
            "x-stainless-lang": ["python"],
            "x-stainless-package-version": ["0.69.0"],
            "x-stainless-retry-count": ["0"],
          }),
          method: "POST",
          parsed_body: request,
          uri: "https://api.anthropic.com/v1/messages",
        },
        response: loopResponse(response),
      })),
      version: 1,
    },
    PYYAML,
  );
  return {
    path: `${ROOT}/test_anthropic/TestAnthropicTools.test_weather_tool_loop.yaml`,
    format: "vcrpy",
    content,
    interactions: loop.expected,
  };
}

export function vcrpySamples(): Sample[] {
  return [
    openaiChatStreamSample(),
    toolLoopSample(),
    geminiStreamSample(),
    bedrockStreamSample(),
    imageInputSample(),
  ];
}
