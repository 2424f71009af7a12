import { gzip } from "./bodies";
import type { ExpectedInteraction, Sample } from "./sample";

/**
 * Polly.JS HAR recordings (`persister:fs`, keys sorted, two-space JSON) as a Node test suite's
 * recordings: `<Suite>_<hash>/<test>_<hash>/recording.har`. Polly keeps a gzip'd reply as the
 * base64 of each chunk it read, in a JSON array.
 */

const ROOT = "node-app/packages/instrumentation-openai/recordings/Test-OpenAI-instrumentation_1483566126";
const SUITE = "Test OpenAI instrumentation";

type Json = { [key: string]: unknown };

const header = (name: string, value: string, fromType = true): Json =>
  fromType ? { _fromType: "array", name, value } : { name, value };

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, sortKeys(item)]),
    );
  }
  return value;
}

function requestHeaders(body: string): Json[] {
  return [
    header("accept", "application/json"),
    header("content-type", "application/json"),
    header("user-agent", "OpenAI/JS 5.12.2"),
    header("x-stainless-lang", "js"),
    header("x-stainless-package-version", "5.12.2"),
    header("x-stainless-runtime", "node"),
    header("x-stainless-runtime-version", "v20.19.4"),
    header("x-stainless-retry-count", "0"),
    header("content-length", String(Buffer.byteLength(body))),
    header("accept-encoding", "gzip,deflate"),
    header("host", "api.openai.com", false),
  ];
}

function har(
  test: string,
  entry: { id: string; url: string; body: string; content: Json; headers: Json[]; at: string; time: number },
): string {
  const document = {
    log: {
      _recordingName: `${SUITE}/${test}`,
      creator: { comment: "persister:fs", name: "Polly.JS", version: "6.0.6" },
      entries: [
        {
          _id: entry.id,
          _order: 0,
          cache: {},
          request: {
            bodySize: Buffer.byteLength(entry.body),
            cookies: [],
            headers: requestHeaders(entry.body),
            headersSize: 412,
            httpVersion: "HTTP/1.1",
            method: "POST",
            postData: { mimeType: "application/json", params: [], text: entry.body },
            queryString: [],
            url: entry.url,
          },
          response: {
            bodySize: Number(entry.content.size),
            content: entry.content,
            cookies: [],
            headers: entry.headers,
            headersSize: 1021,
            httpVersion: "HTTP/1.1",
            redirectURL: "",
            status: 200,
            statusText: "OK",
          },
          startedDateTime: entry.at,
          time: entry.time,
          timings: { blocked: -1, connect: -1, dns: -1, receive: 0, send: 0, ssl: -1, wait: entry.time },
        },
      ],
      pages: [],
      version: "1.2",
    },
  };
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

function responseHeaders(date: string, requestId: string, gzipped: boolean): Json[] {
  return [
    { name: "date", value: date },
    { name: "content-type", value: "application/json" },
    { name: "transfer-encoding", value: "chunked" },
    { name: "connection", value: "keep-alive" },
    { name: "access-control-expose-headers", value: "X-Request-ID" },
    { name: "openai-organization", value: "tapedeck-samples" },
    { name: "openai-processing-ms", value: "318" },
    { name: "openai-version", value: "2020-10-01" },
    { name: "x-request-id", value: requestId },
    { name: "cf-cache-status", value: "DYNAMIC" },
    { name: "server", value: "cloudflare" },
    ...(gzipped ? [{ name: "content-encoding", value: "gzip" }] : []),
  ];
}

function chatWithGzipChunks(): Sample {
  const answer = "Why did the span leave the party early? It had already reached its end time.";
  const body = JSON.stringify({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Tell me a joke about distributed tracing" }],
  });
  const reply = JSON.stringify(
    {
      id: "chatcmpl-CTdAsample0TracingJoke000",
      object: "chat.completion",
      created: 1767313500,
      model: "gpt-4o-mini-2024-07-18",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: answer, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: 14, completion_tokens: 18, total_tokens: 32 },
      service_tier: "default",
      system_fingerprint: "fp_560af6e559",
    },
    null,
    2,
  );
  // The server's gzip: no modification time, OS byte 3 (Unix). Polly saw the header arrive alone.
  const bytes = Buffer.from(gzip(reply, 0, 3));
  const split = 10 + Math.floor((bytes.length - 10) / 2);
  const chunks = [bytes.subarray(0, 10), bytes.subarray(10, split), bytes.subarray(split)].map((chunk) =>
    chunk.toString("base64"),
  );
  const test = "should set attributes in span for chat";
  return {
    path: `${ROOT}/should-set-attributes-in-span-for-chat_1427850401/recording.har`,
    format: "har",
    content: har(test, {
      id: "5c2e8a1f4b7d0e3a6c9f2b5e8d1a4c7f",
      url: "https://api.openai.com/v1/chat/completions",
      body,
      content: {
        encoding: "base64",
        mimeType: "application/json",
        size: reply.length,
        text: JSON.stringify(chunks),
      },
      headers: responseHeaders("Fri, 02 Jan 2026 00:25:00 GMT", "req_7b0e3d6a9c2f5b8e1d4a7c0f3b6e9d2a", true),
      at: "2026-01-02T00:24:59.412Z",
      time: 1186,
    }),
    interactions: [{ family: "openai-chat", streaming: false, text: answer }],
  };
}

function embeddings(): Sample {
  const vector = [0.0213, -0.0871, 0.0452, 0.1307, -0.0339, 0.0768, -0.1124, 0.0095];
  const body = JSON.stringify({
    input: "Tapedeck replays recorded LLM traffic.",
    model: "text-embedding-3-small",
    dimensions: 8,
    encoding_format: "float",
  });
  const reply = JSON.stringify(
    {
      object: "list",
      data: [{ object: "embedding", index: 0, embedding: vector }],
      model: "text-embedding-3-small",
      usage: { prompt_tokens: 8, total_tokens: 8 },
    },
    null,
    2,
  );
  const expected: ExpectedInteraction = {
    family: "openai-embeddings",
    streaming: false,
    embeddings: { count: 1, dimension: 8 },
  };
  return {
    path: `${ROOT}/should-set-attributes-in-span-for-embeddings_2907385133/recording.har`,
    format: "har",
    content: har("should set attributes in span for embeddings", {
      id: "9e1b4d7a0c3f6e9b2d5a8c1f4e7b0d3a",
      url: "https://api.openai.com/v1/embeddings",
      body,
      content: { mimeType: "application/json", size: reply.length, text: reply },
      headers: responseHeaders(
        "Fri, 02 Jan 2026 00:25:02 GMT",
        "req_2d5a8c1f4e7b0d3a6c9f2b5e8d1a4c7f",
        false,
      ),
      at: "2026-01-02T00:25:01.907Z",
      time: 274,
    }),
    interactions: [expected],
  };
}

export function harSamples(): Sample[] {
  return [chatWithGzipChunks(), embeddings()];
}
