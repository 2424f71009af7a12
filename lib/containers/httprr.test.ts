import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { ContainerError } from "./container";
import { dechunk } from "./http-message";
import { httprrContainer, httprrTestName, openHttprrBytes } from "./httprr";
import { CORPUS as CORPUS_ROOT, LARGE_CASSETTES } from "@/lib/testing/corpus-paths";

function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/httprr/${name}`, import.meta.url));
}

function open(name: string) {
  return httprrContainer.open(fixtureBytes(name).toString("utf8"), `llms/x/testdata/${name}`, DEFAULT_LIMITS);
}

const ANTHROPIC_RESPONSE = {
  id: "msg_01Fx",
  type: "message",
  role: "assistant",
  model: "claude-3-5-haiku-20241022",
  content: [{ type: "text", text: "Bonjour ! Ça va ? 👋" }],
  stop_reason: "end_turn",
  stop_sequence: null,
  usage: { input_tokens: 12, output_tokens: 11 },
};

describe("httprrContainer.sniff", () => {
  it("knows a trace by its first line", () => {
    expect(httprrContainer.sniff("httprr trace v1\n348 908\nPOST https://")).toBe(true);
    expect(httprrContainer.sniff("httprr trace v1\r\n")).toBe(true);
    expect(httprrContainer.sniff("httprr trace v2\n")).toBe(false);
    expect(httprrContainer.sniff('{"log": {"entries": []}}')).toBe(false);
  });
});

describe("httprrContainer.open", () => {
  it("reads a record by byte lengths, multi-byte text and the bare-LF User-Agent line included", () => {
    const opened = open("TestClient_CreateMessage.httprr");
    expect(opened.format).toBe("httprr");
    expect(opened.test).toBe("TestClient_CreateMessage");
    expect(opened.notes).toEqual([]);
    expect(opened.calls).toHaveLength(1);
    const [call] = opened.calls;
    expect(call?.problem).toBeNull();
    expect(call?.envelope).toEqual({
      origin: "http",
      test_id: "TestClient_CreateMessage",
      request: {
        method: "POST",
        url: "https://api.anthropic.com/v1/messages",
        headers: {
          host: ["api.anthropic.com"],
          "user-agent": ["langchaingo-httprr"],
          "content-length": ["115"],
          "anthropic-version": ["2023-06-01"],
          "content-type": ["application/json"],
          "x-api-key": ["test-api-key"],
        },
        payload: {
          model: "claude-3-5-haiku-20241022",
          max_tokens: 100,
          messages: [{ role: "user", content: "Say hello in French" }],
        },
      },
      response: {
        status: 200,
        headers: {
          "content-length": ["243"],
          "content-type": ["application/json"],
          "request-id": ["req_011Cx"],
        },
        body: ANTHROPIC_RESPONSE,
        is_streaming: false,
      },
    });
    expect(call?.http).toEqual({
      method: "POST",
      url: "https://api.anthropic.com/v1/messages",
      host: "api.anthropic.com",
      status: 200,
      statusText: "OK",
      requestHeaders: [
        { name: "Host", value: "api.anthropic.com" },
        { name: "User-Agent", value: "langchaingo-httprr" },
        { name: "Content-Length", value: "115" },
        { name: "Anthropic-Version", value: "2023-06-01" },
        { name: "Content-Type", value: "application/json" },
        { name: "X-Api-Key", value: "test-api-key" },
      ],
      responseHeaders: [
        { name: "Content-Length", value: "243" },
        { name: "Content-Type", value: "application/json" },
        { name: "Request-Id", value: "req_011Cx" },
      ],
      meta: { proto: "HTTP/2.0" },
    });
    expect(call?.raw).toEqual({
      request: expect.stringMatching(/^POST https:\/\/api\.anthropic\.com\/v1\/messages HTTP\/1\.1\r\n/),
      response: expect.stringMatching(/"text":"Bonjour ! Ça va \? 👋"/),
    });
  });

  it("undoes chunked framing of an Ollama NDJSON stream", () => {
    const [call] = open("TestWithStreaming.httprr").calls;
    expect(call?.problem).toBeNull();
    expect(call?.http?.meta).toEqual({ proto: "HTTP/1.1" });
    expect(call?.envelope.response.is_streaming).toBe(true);
    expect(call?.envelope.response.body).toBe(
      [
        '{"model":"gemma3:1b","created_at":"2025-08-20T13:47:54.490267Z","message":{"role":"assistant","content":"Okay"},"done":false}',
        '{"model":"gemma3:1b","created_at":"2025-08-20T13:47:54.495433Z","message":{"role":"assistant","content":", 6,076 feet."},"done":false}',
        '{"model":"gemma3:1b","created_at":"2025-08-20T13:47:54.500791Z","message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"eval_count":5}',
        "",
      ].join("\n"),
    );
  });

  it("reads records in order: a GET with no body, an error reply, a retry", () => {
    const calls = open("TestOpenaiEmbeddings.httprr").calls;
    expect(
      calls.map((call) => [call.http?.method, call.http?.url, call.http?.status, call.http?.statusText]),
    ).toEqual([
      ["GET", "https://api.openai.com/v1/models/text-embedding-3-small", 200, "OK"],
      ["POST", "https://api.openai.com/v1/embeddings", 429, "Too Many Requests"],
      ["POST", "https://api.openai.com/v1/embeddings", 200, "OK"],
    ]);
    expect(calls.map((call) => call.problem)).toEqual([null, null, null]);
    expect(calls[0]?.envelope.request).toEqual({
      method: "GET",
      url: "https://api.openai.com/v1/models/text-embedding-3-small",
      headers: {
        host: ["api.openai.com"],
        authorization: ["Bearer test-api-key"],
        "user-agent": ["langchaingo-httprr"],
      },
      payload: null,
    });
    expect(calls[0]?.envelope.response.body).toEqual({
      id: "text-embedding-3-small",
      object: "model",
      owned_by: "system",
    });
    expect(calls[1]?.envelope.response.body).toEqual({
      error: {
        message: "Rate limit reached for text-embedding-3-small",
        type: "requests",
        code: "rate_limit_exceeded",
      },
    });
    expect(calls[2]?.envelope.request.payload).toEqual({ input: ["hello"], model: "text-embedding-3-small" });
    expect(calls[2]?.envelope.response.body).toEqual({
      object: "list",
      data: [{ object: "embedding", index: 0, embedding: [0.0023, -0.0091, 0.0154] }],
      model: "text-embedding-3-small",
      usage: { prompt_tokens: 1, total_tokens: 1 },
    });
  });

  it("opens a trace of only the header line with no calls and a note", () => {
    // Written here: a header line alone is the same bytes as any empty trace anywhere.
    const header = "httprr trace v1\n";
    expect(
      httprrContainer.open(header, "llms/x/testdata/TestWithPullTimeout.httprr", DEFAULT_LIMITS),
    ).toEqual({
      format: "httprr",
      test: "TestWithPullTimeout",
      calls: [],
      notes: ["an empty trace: the recorder wrote the header line and no records"],
    });
  });

  it("throws a ContainerError naming the record whose lengths run past the end", () => {
    expect(() => open("TestCutShort.httprr")).toThrow(ContainerError);
    expect(() => open("TestCutShort.httprr")).toThrow(
      "record 1 of the httprr trace declares a 279-byte request and a 294-byte response, but only 475 bytes remain in the file",
    );
  });

  it("throws a ContainerError for a bad length line or start line", () => {
    const read = (text: string) => () => openHttprrBytes(Buffer.from(text), "t.httprr", DEFAULT_LIMITS);
    expect(read("httprr trace v1\n12 x\n")).toThrow(
      'record 0 of the httprr trace (byte 16) does not start with a "<request bytes> <response bytes>" line: found "12 x"',
    );
    expect(read("not a trace\n")).toThrow('not an httprr trace: the first line is not "httprr trace v1"');
    expect(read("httprr trace v1\n5 19\nHELLOHTTP/1.1 200 OK\r\n\r\n")).toThrow(
      'record 0 of the httprr trace: the request does not start with "<METHOD> <URL> HTTP/1.1" (found "HELLO")',
    );
  });

  it("keeps what a broken chunked body holds and says why it stopped", () => {
    const [call] = open("TestBrokenChunks.httprr").calls;
    expect(call?.problem).toBe(
      "response body: chunk 1 of the chunked body declares 4095 bytes but 135 remain",
    );
    expect(call?.envelope.response.body).toBe(
      '{"model":"gemma3:1b","created_at":"2025-08-20T13:47:54.490267Z","message":{"role":"assistant","content":"Okay"},"done":false}\n',
    );
  });

  it("reads the same bytes from the text and from the bytes", () => {
    const bytes = fixtureBytes("TestClient_CreateMessage.httprr");
    const fromBytes = openHttprrBytes(bytes, "testdata/TestClient_CreateMessage.httprr.gz", DEFAULT_LIMITS);
    expect(fromBytes.calls[0]?.envelope.response.body).toEqual(ANTHROPIC_RESPONSE);
    expect(fromBytes.test).toBe("TestClient_CreateMessage");
  });
});

describe("dechunk", () => {
  it("stops at the limit", () => {
    const body = Buffer.from("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    expect(Buffer.from(dechunk(body, 100).bytes).toString()).toBe("hello world");
    expect(dechunk(body, 100).problem).toBeNull();
    const cut = dechunk(body, 8);
    expect([Buffer.from(cut.bytes).toString(), cut.problem]).toEqual([
      "hello",
      "the chunked body is over the 0.0 MB limit; it was cut there",
    ]);
    expect(dechunk(Buffer.from("5\r\nhello\r\n"), 100).problem).toBe(
      "the chunked body ends before its last (empty) chunk, after 1 chunks",
    );
  });
});

describe("httprrTestName", () => {
  it("takes the Go test name from the file name", () => {
    expect(httprrTestName("llms/ollama/testdata/TestWithStreaming.httprr")).toBe("TestWithStreaming");
    expect(httprrTestName("vectorstores/chroma/testdata/TestChromaGoStoreRest.httprr.gz")).toBe(
      "TestChromaGoStoreRest",
    );
    expect(httprrTestName("testdata/TestClient-Sub_case.httprr")).toBe("TestClient-Sub_case");
    expect(httprrTestName("testdata/trace.txt")).toBeNull();
  });
});

const CORPUS = `${CORPUS_ROOT}/cassettes/langchaingo`;
const LARGE = `${LARGE_CASSETTES}/langchaingo`;

function traceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? traceFiles(path) : [path];
  });
}

describe.skipIf(!existsSync(CORPUS))("the langchaingo corpus", () => {
  it("opens every trace with every record decoded", () => {
    const files = [...traceFiles(CORPUS), ...traceFiles(LARGE)];
    let calls = 0;
    let problems = 0;
    let empty = 0;
    for (const path of files) {
      let bytes = readFileSync(path);
      if (path.endsWith(".gz")) bytes = gunzipSync(bytes);
      const text = bytes.toString("utf8");
      expect(httprrContainer.sniff(text.slice(0, 64))).toBe(true);
      const root = path.startsWith(CORPUS) ? CORPUS : LARGE;
      const opened = httprrContainer.open(text, relative(root, path), DEFAULT_LIMITS);
      calls += opened.calls.length;
      problems += opened.calls.filter((call) => call.problem !== null).length;
      if (opened.calls.length === 0) empty++;
      expect(opened.test).toMatch(/^Test\w+$/);
    }
    // The two large traces (extracted apart) hold 3 records.
    const large = existsSync(LARGE) ? { files: 2, calls: 3 } : { files: 0, calls: 0 };
    expect([files.length, calls, problems, empty]).toEqual([146 + large.files, 262 + large.calls, 0, 18]);
  });
});
