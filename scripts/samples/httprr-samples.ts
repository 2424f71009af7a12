import { gzip } from "./bodies";
import type { Sample } from "./sample";

/**
 * httprr traces (`httprr trace v1`) as a Go LLM library's tests record them: raw HTTP/1.1
 * messages prefixed by their byte lengths, keys replaced by `test-api-key`. The library's
 * transport adds its `User-Agent` line with a bare `\n` (the lengths count it).
 */

const ROOT = "go-llm";

interface Exchange {
  method: "GET" | "POST";
  url: string;
  headers: [string, string][];
  body: string;
  response: { status: string; headers: [string, string][]; body: string };
}

function request({ method, url, headers, body }: Exchange): string {
  const host = new URL(url).host;
  const lines = [`${method} ${url} HTTP/1.1\r\n`, `Host: ${host}\r\n`, "User-Agent: langchaingo-httprr\n"];
  if (body !== "") lines.push(`Content-Length: ${Buffer.byteLength(body)}\r\n`);
  for (const [name, value] of headers) lines.push(`${name}: ${value}\r\n`);
  return `${lines.join("")}\r\n${body}`;
}

function response({ status, headers, body }: Exchange["response"]): string {
  const lines = [`HTTP/2.0 ${status}\r\n`, `Content-Length: ${Buffer.byteLength(body)}\r\n`];
  for (const [name, value] of headers) lines.push(`${name}: ${value}\r\n`);
  return `${lines.join("")}\r\n${body}`;
}

function trace(exchanges: Exchange[]): string {
  const records = exchanges.map((exchange) => {
    const req = request(exchange);
    const resp = response(exchange.response);
    return `${Buffer.byteLength(req)} ${Buffer.byteLength(resp)}\n${req}${resp}`;
  });
  return `httprr trace v1\n${records.join("")}`;
}

function geminiGenerateContent(): Sample {
  const answer =
    "The Danube flows through ten countries: Germany, Austria, Slovakia, Hungary, Croatia, Serbia, Romania, Bulgaria, Moldova and Ukraine.";
  const reply = JSON.stringify(
    {
      candidates: [
        {
          content: { parts: [{ text: answer }], role: "model" },
          finishReason: "STOP",
          avgLogprobs: -0.0412,
        },
      ],
      usageMetadata: {
        promptTokenCount: 9,
        candidatesTokenCount: 31,
        totalTokenCount: 40,
        promptTokensDetails: [{ modality: "TEXT", tokenCount: 9 }],
        candidatesTokensDetails: [{ modality: "TEXT", tokenCount: 31 }],
      },
      modelVersion: "gemini-2.0-flash",
      responseId: "Xb5dac2QFsampleDanube01",
    },
    null,
    2,
  );
  return {
    path: `${ROOT}/llms/googleai/testdata/TestGoogleAIGenerateContent.httprr`,
    format: "httprr",
    content: trace([
      {
        method: "POST",
        url: "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent",
        headers: [
          ["Content-Type", "application/json"],
          ["X-Goog-Api-Key", "test-api-key"],
        ],
        body: JSON.stringify({
          contents: [{ parts: [{ text: "Which countries does the Danube flow through?" }], role: "user" }],
          generationConfig: { candidateCount: 1, maxOutputTokens: 256, temperature: 0 },
        }),
        response: {
          status: "200 OK",
          headers: [
            ["Content-Type", "application/json; charset=UTF-8"],
            ["Date", "Fri, 02 Jan 2026 00:30:12 GMT"],
            ["Server", "scaffolding on HTTPServer2"],
            ["Server-Timing", "gfet4t7; dur=702"],
            ["Vary", "Origin"],
            ["Vary", "X-Origin"],
            ["Vary", "Referer"],
            ["X-Content-Type-Options", "nosniff"],
          ],
          body: reply,
        },
      },
    ]),
    interactions: [{ family: "gemini", streaming: false, text: answer }],
  };
}

function openaiChatGz(): Sample {
  const answer = "Reykjavík.";
  const reply = JSON.stringify(
    {
      id: "chatcmpl-CTdBsample0IcelandCapital0",
      object: "chat.completion",
      created: 1767313800,
      model: "gpt-4o-mini-2024-07-18",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: answer, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: 18, completion_tokens: 5, total_tokens: 23 },
      service_tier: "default",
      system_fingerprint: "fp_560af6e559",
    },
    null,
    2,
  );
  const text = trace([
    {
      method: "POST",
      url: "https://api.openai.com/v1/chat/completions",
      headers: [
        ["Authorization", "Bearer test-api-key"],
        ["Content-Type", "application/json"],
      ],
      body: JSON.stringify({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "What is the capital of Iceland? Answer in one word." }],
        temperature: 0,
      }),
      response: {
        status: "200 OK",
        headers: [
          ["Access-Control-Expose-Headers", "X-Request-ID"],
          ["Cf-Cache-Status", "DYNAMIC"],
          ["Content-Type", "application/json"],
          ["Date", "Fri, 02 Jan 2026 00:30:00 GMT"],
          ["Openai-Processing-Ms", "209"],
          ["Openai-Version", "2020-10-01"],
          ["Server", "cloudflare"],
          ["X-Request-Id", "req_6c9f2b5e8d1a4c7f0b3e6a9d2c5f8b1e"],
        ],
        body: reply,
      },
    },
  ]);
  return {
    path: `${ROOT}/llms/openai/testdata/TestMultiContentText.httprr.gz`,
    format: "httprr",
    // gzip(1) on Linux: OS byte 3; the mtime fixed so the bytes never change between runs.
    content: gzip(text, 1767225600, 3),
    interactions: [{ family: "openai-chat", streaming: false, text: answer }],
  };
}

function jsonDownload(): Sample {
  const data = `${JSON.stringify(
    [
      { city: "Lisbon", country: "Portugal", population: 545923 },
      { city: "Porto", country: "Portugal", population: 231800 },
      { city: "Reykjavík", country: "Iceland", population: 139875 },
    ],
    null,
    2,
  )}\n`;
  return {
    path: `${ROOT}/documentloaders/testdata/TestJSONLoaderFromURL.httprr`,
    format: "httprr",
    content: trace([
      {
        method: "GET",
        url: "https://raw.githubusercontent.com/tapedeck-samples/datasets/main/cities.json",
        headers: [],
        body: "",
        response: {
          status: "200 OK",
          headers: [
            ["Accept-Ranges", "bytes"],
            ["Access-Control-Allow-Origin", "*"],
            ["Cache-Control", "max-age=300"],
            ["Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox"],
            ["Content-Type", "text/plain; charset=utf-8"],
            ["Etag", '"7d1b5f0a2c4e6b8d0f1a3c5e7b9d4b1e8f0c2a6d9e3b7f5a1c0d8e2b4f6a9c3e"'],
            ["Via", "1.1 varnish"],
            ["X-Cache", "HIT"],
            ["X-Content-Type-Options", "nosniff"],
            ["X-Github-Request-Id", "B2C3:4D5E6:7F8091:A2B3C4:6956F1B2"],
          ],
          body: data,
        },
      },
    ]),
    interactions: [{ family: "generic", streaming: false, nonLlm: true }],
  };
}

export function httprrSamples(): Sample[] {
  return [geminiGenerateContent(), openaiChatGz(), jsonDownload()];
}
