import { pythonJson } from "./bodies";
import { bedrockConverseStream, geminiSse, openaiChatStream } from "./provider-streams";
import type { Sample } from "./sample";
import { imageInputSample, toolLoopSample } from "./vcrpy-multi-call-samples";
import { OK, OPENAI_SDK, openaiResponseHeaders, requestHeaders, ROOT } from "./vcrpy-http";
import { DoubleQuoted, PYYAML, writeYaml } from "./yaml-writer";

/**
 * vcrpy cassettes as pytest-recording and pydantic-ai's serializer write them: keys sorted,
 * JSON bodies as `parsed_body` where pydantic-ai parses them, SSE and bytes as `body.string`.
 */

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

export function vcrpySamples(): Sample[] {
  return [
    openaiChatStreamSample(),
    toolLoopSample(),
    geminiStreamSample(),
    bedrockStreamSample(),
    imageInputSample(),
  ];
}
