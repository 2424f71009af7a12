import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { ContainerError } from "./container";
import { vcrpyContainer } from "./vcrpy";
import { CORPUS as CORPUS_ROOT } from "@/lib/testing/corpus-paths";

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/vcrpy/${name}`, import.meta.url), "utf8");
}

function open(name: string, relPath = `tests/models/cassettes/test_fixture/${name}`) {
  return vcrpyContainer.open(fixture(name), relPath, DEFAULT_LIMITS);
}

function openText(text: string) {
  return vcrpyContainer.open(text, "tests/cassettes/test_inline/test_case.yaml", DEFAULT_LIMITS);
}

function thrown(action: () => unknown): ContainerError {
  try {
    action();
  } catch (error) {
    if (error instanceof ContainerError) return error;
    throw error;
  }
  throw new Error("expected a ContainerError");
}

describe("vcrpy sniff", () => {
  it("takes vcrpy's layouts, with `version: 1` first, last or absent", () => {
    expect(vcrpyContainer.sniff("interactions:\n- request:\n    body: null\n")).toBe(true);
    expect(vcrpyContainer.sniff("version: 1\ninteractions:\n- kind: message\n")).toBe(true);
    expect(vcrpyContainer.sniff("interactions: []\nversion: 1\n")).toBe(true);
  });

  it("leaves go-vcr, Ruby VCR, LangChain and JSON to their containers", () => {
    expect(vcrpyContainer.sniff("---\nversion: 2\ninteractions:\n    - id: 0\n      request:\n")).toBe(false);
    expect(vcrpyContainer.sniff("interactions:\n    - id: 0\n      request:\n")).toBe(false);
    expect(vcrpyContainer.sniff("---\nhttp_interactions:\n- request:\n    method: post\n")).toBe(false);
    expect(vcrpyContainer.sniff("requests:\n- body: null\nresponses:\n- body:\n")).toBe(false);
    expect(vcrpyContainer.sniff('{"interactions": []}')).toBe(false);
  });
});

describe("vcrpy HTTP interactions", () => {
  const opened = open(
    "openai-chat.yaml",
    "tests/models/cassettes/test_openai/test_request_simple_success.yaml",
  );
  const test = "tests/models/test_openai.py::test_request_simple_success";

  it("opens one call per interaction, the test from pytest-recording's layout", () => {
    expect(opened.format).toBe("vcrpy");
    expect(opened.test).toBe(test);
    expect(opened.calls).toHaveLength(3);
    expect(opened.notes).toEqual([]);
    expect(opened.calls.map((call) => call.problem)).toEqual([null, null, null]);
  });

  it("passes `parsed_body` on as the JSON value and keeps the headers as recorded", () => {
    const [call] = opened.calls;
    expect(call?.envelope).toEqual({
      origin: "http",
      test_id: test,
      request: {
        method: "POST",
        url: "https://api.openai.com/v1/chat/completions",
        headers: {
          accept: ["application/json"],
          "accept-encoding": ["gzip, deflate"],
          connection: ["keep-alive"],
          "content-length": ["107"],
          "content-type": ["application/json"],
          host: ["api.openai.com"],
        },
        payload: {
          messages: [{ content: "What is the capital of France?", role: "user" }],
          model: "gpt-4o",
          stream: false,
        },
      },
      response: {
        status: 200,
        headers: {
          "content-type": ["application/json"],
          "openai-processing-ms": ["412"],
          "set-cookie": ["__cf_bm=abc; path=/", "_cfuvid=def; path=/"],
          "transfer-encoding": ["chunked"],
        },
        body: {
          choices: [
            {
              finish_reason: "stop",
              index: 0,
              logprobs: null,
              message: { content: "The capital of France is Paris.", refusal: null, role: "assistant" },
            },
          ],
          created: 1745312345,
          id: "chatcmpl-BQx1example",
          model: "gpt-4o-2024-08-06",
          object: "chat.completion",
          usage: { completion_tokens: 8, prompt_tokens: 14, total_tokens: 22 },
        },
        is_streaming: false,
      },
    });
    expect(call?.http).toEqual({
      method: "POST",
      url: "https://api.openai.com/v1/chat/completions",
      host: "api.openai.com",
      status: 200,
      statusText: "OK",
      requestHeaders: [
        { name: "accept", value: "application/json" },
        { name: "accept-encoding", value: "gzip, deflate" },
        { name: "connection", value: "keep-alive" },
        { name: "content-length", value: "107" },
        { name: "content-type", value: "application/json" },
        { name: "host", value: "api.openai.com" },
      ],
      responseHeaders: [
        { name: "content-type", value: "application/json" },
        { name: "openai-processing-ms", value: "412" },
        { name: "set-cookie", value: "__cf_bm=abc; path=/" },
        { name: "set-cookie", value: "_cfuvid=def; path=/" },
        { name: "transfer-encoding", value: "chunked" },
      ],
      meta: {},
    });
  });

  it("parses a JSON text body, keeps SSE text as a stream and upper-cases the method", () => {
    const call = opened.calls[1];
    expect(call?.envelope.request).toMatchObject({
      method: "POST",
      payload: {
        messages: [{ role: "user", content: "Count to two." }],
        model: "gpt-4o",
        stream: true,
        stream_options: { include_usage: true },
      },
    });
    const body = call?.envelope.response.body;
    expect(call?.envelope.response.is_streaming).toBe(true);
    expect(typeof body === "string" ? body.split("\n\n").filter((event) => event !== "") : body).toEqual([
      'data: {"id":"chatcmpl-BQx2example","object":"chat.completion.chunk","created":1745312346,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}',
      'data: {"id":"chatcmpl-BQx2example","object":"chat.completion.chunk","created":1745312346,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"One, two."},"finish_reason":null}]}',
      'data: {"id":"chatcmpl-BQx2example","object":"chat.completion.chunk","created":1745312346,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
      "data: [DONE]",
    ]);
    // The raw view keeps the interaction as it is in the file.
    expect(call?.raw).toMatchObject({ request: { method: "post" } });
  });

  it("reads a GET with no body and a 404 error body", () => {
    const call = opened.calls[2];
    expect(call?.envelope.request).toEqual({
      method: "GET",
      url: "https://api.openai.com/v1/models/gpt-5-unknown",
      headers: { host: ["api.openai.com"] },
      payload: null,
    });
    expect(call?.envelope.response).toEqual({
      status: 404,
      headers: { "content-type": ["application/json; charset=utf-8"] },
      body: {
        error: {
          message: "The model `gpt-5-unknown` does not exist.",
          type: "invalid_request_error",
          code: "model_not_found",
        },
      },
      is_streaming: false,
    });
    expect(call?.http?.statusText).toBe("Not Found");
  });
});

describe("vcrpy binary bodies", () => {
  const opened = open("bedrock-converse-stream.yaml");

  it("splits a `!!binary` AWS eventstream and reads `!!binary` header values as text", () => {
    const call = opened.calls[0];
    expect(call?.http?.requestHeaders).toEqual([
      { name: "amz-sdk-invocation-id", value: "3f2e8a4c-1b7d-4e0f-9a6b-5c2d1e0f8a7b" },
      { name: "amz-sdk-request", value: "attempt=1; max=3" },
      { name: "content-length", value: "139" },
      { name: "content-type", value: "application/json" },
    ]);
    expect(call?.envelope.request.payload).toEqual({
      messages: [{ role: "user", content: [{ text: "What is the capital of France?" }] }],
      system: [],
      inferenceConfig: { maxTokens: 1024 },
    });
    expect(call?.envelope.response.is_streaming).toBe(true);
    const body = call?.envelope.response.body;
    const events =
      typeof body === "object" && body !== null && "$eventstream" in body ? body.$eventstream : null;
    expect(
      Array.isArray(events)
        ? events.map((event: { headers: Record<string, unknown> }) => event.headers[":event-type"])
        : events,
    ).toEqual([
      "messageStart",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockStop",
      "messageStop",
      "metadata",
    ]);
    expect(Array.isArray(events) ? events[1] : null).toEqual({
      headers: {
        ":event-type": "contentBlockDelta",
        ":content-type": "application/json",
        ":message-type": "event",
      },
      payload: { contentBlockIndex: 0, delta: { text: "Paris is" }, p: "abcdefgh" },
    });
  });

  it("keeps image bytes as `$binary` with their type, and shows bytes as `$binary` in the raw view", () => {
    const call = opened.calls[1];
    const png =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNg+M/A8B8ABQACAeUnPekAAAAASUVORK5CYII=";
    expect(call?.envelope.request.payload).toBeNull();
    expect(call?.envelope.response.body).toEqual({
      $binary: { mediaType: "image/png", size: 71, base64: png },
    });
    expect(call?.raw).toMatchObject({
      response: { body: { string: { $binary: { mediaType: null, size: 71, base64: png } } } },
    });
    expect(opened.calls[0]?.raw).toMatchObject({
      request: {
        headers: { "content-type": [{ $binary: { size: 16, base64: "YXBwbGljYXRpb24vanNvbg==" } }] },
      },
    });
  });

  it("opens a call whose body cannot be decoded, with the problem", () => {
    const corrupt = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]).toString("base64");
    const opened = openText(
      [
        "interactions:",
        "- request:",
        "    body: null",
        "    headers: {}",
        "    method: GET",
        "    uri: https://example.com/data",
        "  response:",
        "    body:",
        `      string: !!binary ${corrupt}`,
        "    headers:",
        "      content-encoding:",
        "      - gzip",
        "    status:",
        "      code: 200",
        "      message: OK",
        "version: 1",
      ].join("\n"),
    );
    expect(opened.calls).toHaveLength(1);
    expect(opened.calls[0]?.problem).toMatch(/^response body: the gzip body is corrupt: /);
    expect(opened.calls[0]?.envelope.response.status).toBe(200);
  });

  it("undoes a gzip body whose `content-encoding` was kept", () => {
    const gzipped = gzipSync('{"ok":true}').toString("base64");
    const opened = openText(
      `interactions:\n- request: {body: null, headers: {}, method: GET, uri: 'https://example.com/x'}\n  response:\n    body: {string: !!binary ${gzipped}}\n    headers: {content-encoding: [gzip]}\n    status: {code: 200, message: OK}\n`,
    );
    expect(opened.calls[0]?.envelope.response.body).toEqual({ ok: true });
    expect(opened.calls[0]?.problem).toBeNull();
  });
});

describe("vcrpy WebSocket logs", () => {
  const path = "tests/realtime/cassettes/test_openai_ws/test_text_turn.yaml";
  const opened = open("realtime-openai.yaml", path);

  it("opens the whole log as one call of frames", () => {
    expect(opened.test).toBe("tests/realtime/test_openai_ws.py::test_text_turn");
    expect(opened.calls).toHaveLength(1);
    expect(opened.notes).toEqual(["a WebSocket message log: its 8 messages open as one call"]);
    const call = opened.calls[0];
    expect(call?.envelope.request).toEqual({ method: "WEBSOCKET", url: "", headers: {}, payload: null });
    expect(call?.envelope.test_id).toBe("tests/realtime/test_openai_ws.py::test_text_turn");
    expect(call?.http).toEqual({
      method: "WEBSOCKET",
      url: "",
      host: null,
      status: null,
      statusText: null,
      requestHeaders: [],
      responseHeaders: [],
      meta: {},
    });
    expect(call?.problem).toBeNull();
    const response = call?.envelope.response;
    expect(response?.status).toBeNull();
    expect(response?.is_streaming).toBe(true);
    const body = response?.body;
    const frames = typeof body === "object" && body !== null && "$frames" in body ? body.$frames : null;
    expect(
      Array.isArray(frames)
        ? frames.map((frame: { direction: string; type: string }) => `${frame.direction} ${frame.type}`)
        : frames,
    ).toEqual([
      "received session.created",
      "sent session.update",
      "received session.updated",
      "sent input_audio_buffer.append",
      "sent input_audio_buffer.commit",
      "received response.output_text.delta",
      "received response.done",
      "received close",
    ]);
    expect(Array.isArray(frames) ? frames[3] : null).toEqual({
      direction: "sent",
      type: "input_audio_buffer.append",
      data: { type: "input_audio_buffer.append", audio: "AAAAAAEAAQACAAIA" },
    });
    expect(Array.isArray(frames) ? frames[7] : null).toEqual({
      direction: "received",
      type: "close",
      data: { code: 1011, reason: "test reconnect", ok: false },
    });
    expect(Array.isArray(call?.raw) ? call.raw.length : null).toBe(8);
  });

  it("names Gemini Live messages, which have no `type`, by their key", () => {
    const call = open("live-gemini.yaml").calls[0];
    const body = call?.envelope.response.body;
    const frames = typeof body === "object" && body !== null && "$frames" in body ? body.$frames : null;
    expect(Array.isArray(frames) ? frames.map((frame: { type: string }) => frame.type) : frames).toEqual([
      "setup",
      "setupComplete",
      "client_content",
      "serverContent",
      "serverContent",
    ]);
  });
});

describe("vcrpy xAI gRPC samples", () => {
  const path = "tests/models/cassettes/test_xai/test_xai_chat.xai.yaml";
  const opened = open("grok.xai.yaml", path);

  it("opens one call per sample: the request, then the response or the stream's chunks", () => {
    expect(opened.test).toBe("tests/models/test_xai.py::test_xai_chat");
    expect(opened.calls).toHaveLength(2);
    expect(opened.notes).toEqual([
      "gRPC samples (2): the messages are shown as recorded in JSON; the protobuf bytes only in the raw view",
    ]);
    const [sample, stream] = opened.calls;
    expect(sample?.envelope.request).toEqual({ method: "GRPC", url: "", headers: {}, payload: null });
    expect(sample?.envelope.response.body).toEqual({
      $frames: [
        {
          direction: "sent",
          type: "request",
          data: {
            messages: [{ content: [{ text: "What is 2+2?" }], role: "ROLE_USER" }],
            model: "grok-3-mini",
          },
        },
        {
          direction: "received",
          type: "response",
          data: {
            id: "5d1c7e2a-0b7e-4c1d-9f4e-2a8b6c3d1e0f",
            outputs: [
              {
                finish_reason: "REASON_STOP",
                message: { content: "2 + 2 equals 4.", role: "ROLE_ASSISTANT" },
              },
            ],
            created: "2026-03-24T17:58:53.921898911Z",
            model: "grok-3-mini",
            usage: { completion_tokens: 8, prompt_tokens: 14, total_tokens: 22 },
          },
        },
      ],
    });
    const body = stream?.envelope.response.body;
    const frames = typeof body === "object" && body !== null && "$frames" in body ? body.$frames : null;
    expect(
      Array.isArray(frames)
        ? frames.map((frame: { direction: string; type: string }) => `${frame.direction} ${frame.type}`)
        : frames,
    ).toEqual(["sent request", "received chunk", "received chunk"]);
  });

  it("keeps the protobuf bytes only in the raw view, as `$binary`", () => {
    expect(opened.calls[0]?.raw).toMatchObject({
      request_sample: {
        raw: {
          $binary: {
            mediaType: "application/x-protobuf",
            size: 33,
            base64: "ChIKDgoMV2hhdCBpcyAyKzI/EAESC2dyb2stMy1taW5p",
          },
        },
      },
    });
    expect(JSON.stringify(opened.calls[0]?.envelope)).not.toContain("ChIKDgoMV2hhdCBpcyAyKzI");
  });

  it("opens `interactions: []` with no call and a note", () => {
    const empty = open("empty.xai.yaml");
    expect(empty.calls).toEqual([]);
    expect(empty.notes).toEqual(["the cassette records no interactions (`interactions: []`)"]);
  });
});

describe("vcrpy errors", () => {
  it("names the path of a missing field", () => {
    const error = thrown(() =>
      openText(
        "interactions:\n- request: {method: GET, headers: {}}\n  response: {status: {code: 200, message: OK}}\n",
      ),
    );
    expect(error.message).toBe(
      "interactions[0].request.uri: Invalid input: expected string, received undefined",
    );
    expect(error.kind).toBe("schema-mismatch");
  });

  it("refuses an item that is no recorder's interaction", () => {
    expect(thrown(() => openText("interactions:\n- path: /v1/x\n  reply: 1\n")).message).toBe(
      "interactions[0]: not an HTTP interaction, WebSocket message or gRPC sample (path, reply)",
    );
    expect(thrown(() => openText("interactions:\n- 3\n")).message).toBe(
      "interactions[0]: expected a mapping, found number",
    );
  });

  it("refuses YAML without `interactions`, and invalid YAML, with the reader's reason", () => {
    expect(thrown(() => openText("interaction_count: 3\n")).message).toBe(
      "not a vcrpy cassette: the YAML has no top-level `interactions` list",
    );
    const invalid = thrown(() => openText("interactions:\n- request: [unclosed\n"));
    expect(invalid.kind).toBe("invalid-yaml");
  });
});

const CORPUS = `${CORPUS_ROOT}/cassettes/pydantic-ai`;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => join(dir, name))
    .sort();
}

describe.skipIf(!existsSync(CORPUS))("vcrpy on the pydantic-ai corpus", () => {
  it("opens every file, with the calls the corpus README counts", () => {
    const files = yamlFiles(CORPUS);
    let calls = 0;
    let problems = 0;
    const failures: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if (!vcrpyContainer.sniff(text.slice(0, 4096))) failures.push(`${file}: not sniffed`);
      try {
        const opened = vcrpyContainer.open(text, file.slice(CORPUS.length + 1), DEFAULT_LIMITS);
        calls += opened.calls.length;
        problems += opened.calls.filter((call) => call.problem !== null).length;
      } catch (error) {
        failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(files).toHaveLength(1297);
    expect(calls).toBe(2121);
    expect(problems).toBe(0);
  }, 30_000);
});
