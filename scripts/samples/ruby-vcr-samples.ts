import type { Sample } from "./sample";
import { PSYCH, writeYaml, type YamlValue } from "./yaml-writer";

/**
 * Ruby VCR 6 cassettes as a Ruby gem's specs write them: flat names under
 * `spec/fixtures/vcr_cassettes/`, secrets filtered to `<PLACEHOLDERS>`, Faraday's headers, and
 * bodies Ruby read as bytes kept `encoding: ASCII-8BIT` with a `!binary` base64 string.
 */

const ROOT = "ruby-app/spec/fixtures/vcr_cassettes";

function faradayHeaders(auth: Record<string, string[]>): Record<string, YamlValue> {
  return {
    "User-Agent": ["Faraday v2.14.3"],
    ...auth,
    "Content-Type": ["application/json"],
    "Accept-Encoding": ["gzip;q=1.0,deflate;q=0.6,identity;q=0.3"],
    Accept: ["*/*"],
  };
}

function openaiBasicConversation(): Sample {
  const answer = "2 + 2 = 4.";
  // OpenAI pretty-prints its JSON replies; Faraday handed Ruby the raw bytes.
  const reply = `${JSON.stringify(
    {
      id: "chatcmpl-CTd9sample0BasicConversation",
      object: "chat.completion",
      created: 1767313200,
      model: "gpt-4.1-nano-2025-04-14",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: answer, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: 14,
        completion_tokens: 8,
        total_tokens: 22,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
      service_tier: "default",
      system_fingerprint: "fp_7c233bf9d1",
    },
    null,
    2,
  )}\n`;
  const content = writeYaml(
    {
      http_interactions: [
        {
          request: {
            method: "post",
            uri: "https://api.openai.com/v1/chat/completions",
            body: {
              encoding: "UTF-8",
              string: JSON.stringify({
                model: "gpt-4.1-nano",
                messages: [{ role: "user", content: "What's 2 + 2?" }],
                stream: false,
              }),
            },
            headers: faradayHeaders({ Authorization: ["Bearer <OPENAI_API_KEY>"] }),
          },
          response: {
            status: { code: 200, message: "OK" },
            headers: {
              Date: ["Fri, 02 Jan 2026 00:20:00 GMT"],
              "Content-Type": ["application/json"],
              "Transfer-Encoding": ["chunked"],
              Connection: ["keep-alive"],
              "Access-Control-Expose-Headers": ["X-Request-ID"],
              "Openai-Organization": ["<OPENAI_ORGANIZATION>"],
              "Openai-Processing-Ms": ["241"],
              "Openai-Version": ["2020-10-01"],
              "X-Request-Id": ["<X_REQUEST_ID>"],
              "Cf-Cache-Status": ["DYNAMIC"],
              Server: ["cloudflare"],
              "Cf-Ray": ["<CF_RAY>"],
            },
            body: { encoding: "ASCII-8BIT", string: Buffer.from(reply, "utf8") },
          },
          recorded_at: "Fri, 02 Jan 2026 00:20:00 GMT",
        },
      ],
      recorded_with: "VCR 6.4.0",
    },
    PSYCH,
    true,
  );
  return {
    path: `${ROOT}/chat_basic_chat_functionality_openai_gpt-4_1-nano_can_have_a_basic_conversation.yml`,
    format: "ruby-vcr",
    content,
    interactions: [{ family: "openai-chat", streaming: false, text: answer }],
  };
}

function geminiBadRequest(): Sample {
  const error = `${JSON.stringify(
    {
      error: {
        code: 400,
        message: "* GenerateContentRequest.contents: contents is not specified\n",
        status: "INVALID_ARGUMENT",
      },
    },
    null,
    2,
  )}\n`;
  const content = writeYaml(
    {
      http_interactions: [
        {
          request: {
            method: "post",
            uri: "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent",
            body: { encoding: "UTF-8", string: JSON.stringify({ contents: [], generationConfig: {} }) },
            headers: faradayHeaders({ "X-Goog-Api-Key": ["<GEMINI_API_KEY>"] }),
          },
          response: {
            status: { code: 400, message: "Bad Request" },
            headers: {
              Vary: ["Origin", "X-Origin", "Referer"],
              "Content-Type": ["application/json; charset=UTF-8"],
              Date: ["Fri, 02 Jan 2026 00:21:07 GMT"],
              Server: ["scaffolding on HTTPServer2"],
              "X-Xss-Protection": ["0"],
              "X-Frame-Options": ["SAMEORIGIN"],
              "X-Content-Type-Options": ["nosniff"],
              "Server-Timing": ["gfet4t7; dur=38"],
              "Transfer-Encoding": ["chunked"],
            },
            body: { encoding: "UTF-8", string: error },
          },
          recorded_at: "Fri, 02 Jan 2026 00:21:07 GMT",
        },
      ],
      recorded_with: "VCR 6.4.0",
    },
    PSYCH,
    true,
  );
  return {
    path: `${ROOT}/chat_error_handling_gemini_gemini-2_5-flash_reports_bad_requests.yml`,
    format: "ruby-vcr",
    content,
    interactions: [{ family: "gemini", streaming: false, error: { status: 400 } }],
  };
}

export function rubyVcrSamples(): Sample[] {
  return [openaiBasicConversation(), geminiBadRequest()];
}
