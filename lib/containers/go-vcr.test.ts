import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { ContainerError } from "./container";
import { goTestId, goVcrContainer } from "./go-vcr";
import { CORPUS as CORPUS_ROOT, LARGE_CASSETTES } from "@/lib/testing/corpus-paths";

function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/go-vcr/${name}`, import.meta.url), "utf8");
}

function open(name: string, relPath = `providers/anthropic/testdata/TestClient/${name}`) {
  return goVcrContainer.open(fixtureText(name), relPath, DEFAULT_LIMITS);
}

function openText(text: string) {
  return goVcrContainer.open(text, "testdata/TestX.yaml", DEFAULT_LIMITS);
}

function errorOf(action: () => unknown): ContainerError {
  try {
    action();
  } catch (error) {
    if (error instanceof ContainerError) return error;
    throw error;
  }
  throw new Error("expected a ContainerError");
}

describe("goVcrContainer.sniff", () => {
  it("knows go-vcr's version 2 by its ids, indented by 4 or 2", () => {
    expect(goVcrContainer.sniff(fixtureText("anthropic-stream.yaml").slice(0, 200))).toBe(true);
    expect(goVcrContainer.sniff(fixtureText("image-download.yaml").slice(0, 200))).toBe(true);
    expect(goVcrContainer.sniff("---\nversion: 2\ninteractions: []\n")).toBe(true);
  });

  it("leaves vcrpy, Ruby VCR and JSON alone", () => {
    expect(
      goVcrContainer.sniff("interactions:\n- request:\n    body: null\n    method: GET\nversion: 1\n"),
    ).toBe(false);
    expect(goVcrContainer.sniff("---\nhttp_interactions:\n- request:\n    method: post\n")).toBe(false);
    expect(goVcrContainer.sniff('{"version": 2, "interactions": [{"id": 0}]}')).toBe(false);
    // A body line that says `version: 2` is indented: not the top-level key.
    expect(
      goVcrContainer.sniff("interactions:\n- request:\n    body: |\n      version: 2\n      - id: 1\n"),
    ).toBe(false);
  });
});

describe("goTestId", () => {
  it("is the package folder and the Go test path below testdata/", () => {
    expect(goTestId("providers/anthropic/testdata/TestClient/Batch.yaml")).toBe(
      "providers/anthropic::TestClient/Batch",
    );
    expect(
      goTestId(
        "providers/baseten/testdata/TestClient/Scoreboard/deepseek-ai/DeepSeek-V4-Pro_thinking/GenStream-MaxTokens.yaml",
      ),
    ).toBe(
      "providers/baseten::TestClient/Scoreboard/deepseek-ai/DeepSeek-V4-Pro_thinking/GenStream-MaxTokens",
    );
    expect(goTestId("httprecord/testdata/example.yaml")).toBe("httprecord::example");
    expect(goTestId("genai/providers/groq/testdata/TestClient/errors/bad_apiKey/GenSync.yaml")).toBe(
      "genai/providers/groq::TestClient/errors/bad_apiKey/GenSync",
    );
  });

  it("falls back to the parent folder, or the stem alone, without testdata/", () => {
    expect(goTestId("testdata/TestX.yml")).toBe("TestX");
    expect(goTestId("recordings/go/TestChat.yaml")).toBe("recordings/go::TestChat");
    expect(goTestId("TestChat.yaml")).toBe("TestChat");
  });
});

describe("goVcrContainer.open", () => {
  it("reads a streamed SSE reply with the request JSON parsed and the headers lower-cased", () => {
    const opened = open("anthropic-stream.yaml", "providers/anthropic/testdata/TestClient/GenStream.yaml");
    expect(opened.format).toBe("go-vcr");
    expect(opened.test).toBe("providers/anthropic::TestClient/GenStream");
    expect(opened.notes).toEqual([]);
    expect(opened.calls).toHaveLength(1);
    const [call] = opened.calls;
    expect(call?.problem).toBeNull();
    expect(call?.envelope.origin).toBe("http");
    expect(call?.envelope.test_id).toBe("providers/anthropic::TestClient/GenStream");
    expect(call?.envelope.request).toEqual({
      method: "POST",
      url: "https://api.anthropic.com/v1/messages",
      headers: { "anthropic-version": ["2023-06-01"], "content-type": ["application/json; charset=utf-8"] },
      payload: {
        model: "claude-haiku-4-5-20251001",
        max_tokens: 64000,
        messages: [{ role: "user", content: [{ type: "text", text: "Tell a short joke." }] }],
        stream: true,
      },
    });
    const response = call?.envelope.response;
    expect(response?.status).toBe(200);
    expect(response?.is_streaming).toBe(true);
    const body = typeof response?.body === "string" ? response.body : "";
    const events = body.split("\n\n").filter((event) => event !== "");
    expect(events).toHaveLength(8);
    expect(events[0]?.split("\n")[0]).toBe("event: message_start");
    expect(events[7]).toBe('event: message_stop\ndata: {"type":"message_stop"}');
    const text = events
      .filter((event) => event.startsWith("event: content_block_delta"))
      .map((event) => JSON.parse(event.slice(event.indexOf("data: ") + 6)).delta.text)
      .join("");
    expect(text).toBe("Why did the YAML file cry?");
    expect(call?.http).toEqual({
      method: "POST",
      url: "https://api.anthropic.com/v1/messages",
      host: "api.anthropic.com",
      status: 200,
      statusText: "OK",
      requestHeaders: [
        { name: "Anthropic-Version", value: "2023-06-01" },
        { name: "Content-Type", value: "application/json; charset=utf-8" },
      ],
      responseHeaders: [
        { name: "Anthropic-Ratelimit-Requests-Remaining", value: "3999" },
        { name: "Cache-Control", value: "no-cache" },
        { name: "Content-Type", value: "text/event-stream; charset=utf-8" },
        { name: "Request-Id", value: "req_011CbXd2tWQ8x1cQ5pGmVh3e" },
      ],
      meta: { duration: "1.149s", proto: "HTTP/2.0" },
    });
  });

  it("reads an NDJSON stream as text, marked streaming", () => {
    const [call] = open(
      "ollama-ndjson.yaml",
      "providers/ollama/testdata/TestClient/GenStream-Text.yaml",
    ).calls;
    expect(call?.envelope.response.is_streaming).toBe(true);
    const body = call?.envelope.response.body;
    const lines = typeof body === "string" ? body.trimEnd().split("\n") : [];
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => JSON.parse(line).message.content).join("")).toBe("Banana");
    expect(call?.envelope.request.url).toBe("http://localhost/api/chat");
    expect(call?.http?.host).toBe("localhost");
    expect(call?.http?.meta).toEqual({ duration: "915ms", proto: "HTTP/1.1" });
  });

  it("keeps every interaction of a polling cassette in order, 404 replies included", () => {
    const opened = open("batch-poll.yaml", "providers/anthropic/testdata/TestClient/Batch.yaml");
    expect(opened.calls.map((call) => [call.http?.method, call.http?.status, call.http?.statusText])).toEqual(
      [
        ["POST", 200, "OK"],
        ["GET", 404, "Not Found"],
        ["GET", 200, "OK"],
      ],
    );
    expect(opened.calls.map((call) => call.envelope.request.payload === null)).toEqual([false, true, true]);
    expect(opened.calls[1]?.envelope.response.body).toEqual({
      type: "error",
      error: {
        type: "not_found_error",
        message: "Batch msgbatch_01SZRUqCEC5tRmz7RiVUN5xF has not yet finished processing",
      },
      request_id: "req_011CbXcwPz8",
    });
    // JSON under a non-JSON content type is still parsed.
    expect(opened.calls[2]?.envelope.response.body).toMatchObject({
      custom_id: "TODO",
      result: { type: "succeeded", message: { content: [{ type: "text", text: "Hello!" }] } },
    });
    expect(opened.calls.map((call) => call.http?.meta.duration)).toEqual(["559ms", "88ms", "102ms"]);
    // The raw interaction keeps what the envelope leaves out (`form`, `id`).
    expect(opened.calls[1]?.raw).toMatchObject({ id: 1, request: { form: { limit: ["1"] } } });
  });

  it("reads an error reply with its status text", () => {
    const [call] = open(
      "bad-api-key.yaml",
      "providers/openaichat/testdata/TestClient/errors/bad_apiKey/ListModels.yaml",
    ).calls;
    expect(call?.envelope.response.status).toBe(401);
    expect(call?.envelope.response.is_streaming).toBe(false);
    expect(call?.http?.statusText).toBe("Unauthorized");
    expect(call?.envelope.response.body).toEqual({
      error: {
        message:
          "Incorrect API key provided: bad apiKey. You can find your API key at https://platform.openai.com/account/api-keys.",
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
    });
  });

  it("turns escaped byte strings and !!binary into the bytes they hold (2-space indent)", () => {
    const opened = open("image-download.yaml", "providers/bfl/testdata/TestClient/GenDoc-Image.yaml");
    const [jpeg, png] = opened.calls;
    // `\xe9` is the byte e9 while the literal `é` and `\u0080` are UTF-8 (c3 a9, c2 80).
    const jpegBytes = Buffer.from("ffd8ffe0001000104a46494600010000c3a9e980c280ffd9", "hex");
    expect(jpeg?.envelope.response.body).toEqual({
      $binary: { mediaType: "image/jpeg", size: 24, base64: jpegBytes.toString("base64") },
    });
    expect(jpeg?.envelope.request.payload).toBeNull();
    expect(jpeg?.envelope.request.headers).toEqual({});
    expect(jpeg?.http?.meta).toEqual({ duration: "240.5ms", proto: "HTTP/1.1" });
    const pngBase64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAIBrSqKCwAAAABJRU5ErkJggg==";
    const pngBody = { $binary: { mediaType: "image/png", size: 70, base64: pngBase64 } };
    expect(png?.envelope.response.body).toEqual(pngBody);
    expect(png?.problem).toBeNull();
    expect(png?.raw).toMatchObject({
      response: { body: { $binary: { mediaType: null, size: 70, base64: pngBase64 } } },
    });
  });

  it("opens a cassette with no interactions, with a note", () => {
    const opened = open("empty.yaml", "pkg/testdata/TestNothing.yaml");
    expect([opened.test, opened.calls, opened.notes]).toEqual([
      "pkg::TestNothing",
      [],
      ["the cassette holds no interactions"],
    ]);
  });

  it("keeps a header value YAML typed as a number, a boolean or a date as text", () => {
    const text = [
      "version: 2",
      "interactions:",
      "  - id: 0",
      "    request: {url: 'https://x.test/v1', method: get, headers: {X-Retry: [3], X-On: true, X-At: [2024-05-01T10:00:00Z, null], X-No: null}}",
      "    response: {code: 204, status: 204 No Content}",
    ].join("\n");
    const [call] = openText(text).calls;
    expect(call?.http?.requestHeaders).toEqual([
      { name: "X-Retry", value: "3" },
      { name: "X-On", value: "true" },
      { name: "X-At", value: "2024-05-01T10:00:00.000Z" },
      { name: "X-At", value: "" },
    ]);
    expect([call?.http?.method, call?.http?.host, call?.http?.statusText]).toEqual([
      "GET",
      "x.test",
      "No Content",
    ]);
    expect([call?.envelope.response.body, call?.http?.meta]).toEqual([null, {}]);
  });

  it("refuses a broken cassette with the path of what is wrong", () => {
    const noUrl = errorOf(() =>
      openText("version: 2\ninteractions:\n  - id: 0\n    request: {method: GET}\n"),
    );
    expect(noUrl.message).toBe(
      "not a go-vcr interaction: interactions[0].request.url: Invalid input: expected string, received undefined",
    );
    expect(noUrl.kind).toBe("schema-mismatch");
    const version = errorOf(() => openText("version: 3\ninteractions: []\n"));
    expect(version.message).toBe("not a go-vcr cassette: version: Invalid input: expected 2");
    const header = errorOf(() =>
      openText(
        "version: 2\ninteractions:\n  - id: 0\n    request: {url: 'https://x.test', method: GET, headers: {X-A: [ok, {b: 1}]}}\n    response: {code: 200}\n",
      ),
    );
    expect(header.message).toBe(
      "not a go-vcr interaction: interactions[0].request.headers.X-A[1]: Invalid input: expected a header value (text, a number, true or false, a date), received object",
    );
    const yaml = errorOf(() => openText("version: 2\ninteractions:\n  - id: 0\n   bad: [\n"));
    expect(yaml.kind).toBe("invalid-yaml");
  });
});

const CORPUS = `${CORPUS_ROOT}/cassettes/genai`;
const LARGE = `${LARGE_CASSETTES}/genai`;

function cassetteFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? cassetteFiles(path) : [path];
  });
}

describe.skipIf(!existsSync(CORPUS))("the genai corpus", () => {
  it("opens every cassette with every body decoded", () => {
    const files = [...cassetteFiles(CORPUS), ...cassetteFiles(LARGE)];
    const counts = { empty: 0, calls: 0, streaming: 0, binary: 0, problems: 0 };
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      // The pipeline handles the two 0-byte files of internal/myrecorder/testdata/.
      if (text === "") {
        counts.empty++;
        continue;
      }
      expect(goVcrContainer.sniff(text.slice(0, 512))).toBe(true);
      const opened = goVcrContainer.open(
        text,
        relative(path.startsWith(CORPUS) ? CORPUS : LARGE, path),
        DEFAULT_LIMITS,
      );
      expect(opened.test).toMatch(/^(providers\/)?\w+::(Test\w+\/.+|example)$/);
      for (const call of opened.calls) {
        counts.calls++;
        if (call.envelope.response.is_streaming) counts.streaming++;
        if (typeof call.envelope.response.body === "object" && call.envelope.response.body !== null) {
          if ("$binary" in call.envelope.response.body) counts.binary++;
        }
        if (call.problem !== null) counts.problems++;
      }
    }
    const large = existsSync(LARGE)
      ? { files: 46, calls: 3789, streaming: 31, binary: 3 }
      : { files: 0, calls: 0, streaming: 0, binary: 0 };
    expect([files.length, counts]).toEqual([
      3212 + large.files,
      {
        empty: 2,
        calls: 3371 + large.calls,
        streaming: 1296 + large.streaming,
        binary: 5 + large.binary,
        problems: 0,
      },
    ]);
  }, 120_000);
});
