import { kiwiPng } from "./bodies";
import { anthropicToolLoop } from "./anthropic-tool-loop";
import type { Sample } from "./sample";
import { OK, OPENAI_SDK, openaiResponseHeaders, requestHeaders, ROOT } from "./vcrpy-http";
import { PYYAML, writeYaml, type YamlValue } from "./yaml-writer";

/** vcrpy cassettes of tests that make several calls: an image download then a question, a tool loop. */

const IMAGE_URL = "https://raw.githubusercontent.com/tapedeck-samples/assets/main/fruit/kiwi.png";

/** A test that downloads an image (a non-LLM GET of a PNG), then asks the Responses API about it. */
export function imageInputSample(): Sample {
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

export function toolLoopSample(): Sample {
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
