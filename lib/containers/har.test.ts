import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { ContainerError } from "./container";
import { harContainer, harTestName } from "./har";
import { CORPUS as CORPUS_ROOT } from "@/lib/testing/corpus-paths";

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/har/${name}`, import.meta.url), "utf8");
}

function open(name: string, relPath = `recordings/Suite_1/test_2/${name}`) {
  return harContainer.open(fixture(name), relPath, DEFAULT_LIMITS);
}

const CHAT_TEXT = "Why did the span cross the road? To reach the other trace.";

describe("harContainer.sniff", () => {
  it("knows a Polly HAR and a browser HAR by their first keys", () => {
    expect(harContainer.sniff(fixture("plain-forms.har").slice(0, 200))).toBe(true);
    expect(harContainer.sniff('{"log":{"version":"1.2","creator":{"name":"WebInspector"},"pages":[]')).toBe(
      true,
    );
  });

  it("refuses other JSON and other recorders", () => {
    expect(harContainer.sniff('{"test_id": "tests/x.py::t", "request": {}}')).toBe(false);
    expect(harContainer.sniff('{"log": "started", "level": "info"}')).toBe(false);
    expect(harContainer.sniff('{"log": {"level": "info"}}')).toBe(false);
    expect(harContainer.sniff("interactions:\n- request:\n")).toBe(false);
    expect(harContainer.sniff("httprr trace v1\n")).toBe(false);
  });
});

describe("harContainer.open", () => {
  it("joins base64 chunks and gunzips them, and keeps the entry's timings as metadata", () => {
    const opened = open("openai-chat-gzip-chunks.har");
    expect(opened.format).toBe("har");
    expect(opened.test).toBe("Test OpenAI instrumentation/should set attributes in span for chat");
    expect(opened.notes).toEqual([]);
    expect(opened.calls).toHaveLength(1);
    const [call] = opened.calls;
    expect(call?.problem).toBeNull();
    expect(call?.envelope).toEqual({
      origin: "http",
      test_id: "Test OpenAI instrumentation/should set attributes in span for chat",
      request: {
        method: "POST",
        url: "https://api.openai.com/v1/chat/completions",
        headers: {
          accept: ["application/json"],
          "content-type": ["application/json"],
          "user-agent": ["OpenAI/JS 5.12.2"],
          "x-stainless-retry-count": ["0"],
          "accept-encoding": ["gzip,deflate"],
          host: ["api.openai.com"],
        },
        payload: {
          model: "gpt-3.5-turbo",
          messages: [{ role: "user", content: "Tell me a joke about OpenTelemetry" }],
        },
      },
      response: {
        status: 200,
        headers: {
          date: ["Thu, 14 Aug 2025 14:45:16 GMT"],
          "content-type": ["application/json"],
          "transfer-encoding": ["chunked"],
          "content-encoding": ["gzip"],
          "x-request-id": ["req_0a1b2c3d"],
        },
        body: {
          id: "chatcmpl-Fx1",
          object: "chat.completion",
          created: 1755182715,
          model: "gpt-3.5-turbo-0125",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: CHAT_TEXT, refusal: null, annotations: [] },
              logprobs: null,
              finish_reason: "stop",
            },
          ],
          usage: { prompt_tokens: 15, completion_tokens: 14, total_tokens: 29 },
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
        { name: "content-type", value: "application/json" },
        { name: "user-agent", value: "OpenAI/JS 5.12.2" },
        { name: "x-stainless-retry-count", value: "0" },
        { name: "accept-encoding", value: "gzip,deflate" },
        { name: "host", value: "api.openai.com" },
      ],
      responseHeaders: [
        { name: "date", value: "Thu, 14 Aug 2025 14:45:16 GMT" },
        { name: "content-type", value: "application/json" },
        { name: "transfer-encoding", value: "chunked" },
        { name: "content-encoding", value: "gzip" },
        { name: "x-request-id", value: "req_0a1b2c3d" },
      ],
      meta: {
        _id: "1f0c2a9d7e5b4c3a8d6e2f1a0b9c8d7e",
        _order: 0,
        startedDateTime: "2025-08-14T14:45:15.102Z",
        time: 1394,
        timings: { blocked: -1, connect: -1, dns: -1, receive: 0, send: 0, ssl: -1, wait: 1394 },
      },
    });
    // The raw view shows the entry as recorded: the chunks still base64.
    expect(call?.raw).toMatchObject({
      response: {
        content: { encoding: "base64", size: 503, text: expect.stringMatching(/^\["H4sIAAAAAAAAAw==","/) },
      },
    });
  });

  it("splits an AWS eventstream body kept as one base64 string", () => {
    const [call] = open("bedrock-eventstream.har").calls;
    expect(call?.problem).toBeNull();
    expect(call?.envelope.response.is_streaming).toBe(true);
    const headers = { ":event-type": "chunk", ":content-type": "application/json", ":message-type": "event" };
    const bytes = (payload: object) => ({ bytes: Buffer.from(JSON.stringify(payload)).toString("base64") });
    expect(call?.envelope.response.body).toEqual({
      $eventstream: [
        { headers, payload: bytes({ completion: " North,", stop_reason: null }) },
        { headers, payload: bytes({ completion: " South, East and West.", stop_reason: "stop_sequence" }) },
      ],
    });
    expect(call?.envelope.request.payload).toEqual({
      prompt: "\n\nHuman:What are the 4 cardinal directions?\n\nAssistant:",
      max_tokens_to_sample: 300,
    });
  });

  it("reads text stored decoded, absent text, utf8 text and SSE text, in array order", () => {
    const opened = open("plain-forms.har");
    expect(opened.test).toBe("Test Pinecone instrumentation/should set attributes in span for DB query");
    expect(
      opened.calls.map((call) => [call.http?.method, call.http?.url, call.http?.status, call.problem]),
    ).toEqual([
      ["POST", "https://index-abc.svc.pinecone.io/query", 200, null],
      ["DELETE", "https://index-abc.svc.pinecone.io/vectors/delete?ids=doc-1", 204, null],
      ["POST", "https://api.openai.com/v1/images/generations", 200, null],
      ["POST", "https://api.openai.com/v1/images/generations", 200, null],
    ]);
    const [query, deletion, images, repeat] = opened.calls;
    // `content-encoding: br` kept on a body Polly stored decoded.
    expect(query?.envelope.response.body).toEqual({ matches: [{ id: "doc-1", score: 0.92 }], namespace: "" });
    expect(deletion?.envelope.request.payload).toBeNull();
    expect(deletion?.envelope.response).toEqual({
      status: 204,
      headers: { date: ["Thu, 14 Aug 2025 14:50:02 GMT"] },
      body: null,
      is_streaming: false,
    });
    expect(images?.envelope.response.body).toEqual({
      created: 1755184048,
      data: [{ url: "https://example.invalid/img.png", revised_prompt: "A café at dusk" }],
    });
    expect(repeat?.http?.meta).toMatchObject({ _id: "8952de0a1b2c3d4e5f60718293a4b5c6", _order: 1 });
    expect(repeat?.envelope.response.body).toBe(
      'data: {"id":"chatcmpl-s1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\ndata: [DONE]\n\n',
    );
    expect(repeat?.envelope.response.is_streaming).toBe(true);
  });

  it("turns base64 that is not base64 into the call's problem", () => {
    const calls = open("bad-base64.har").calls;
    expect(calls.map((call) => call.problem)).toEqual([
      "response body: the base64 body is not base64",
      "response body: chunk 1 of the base64 body is not base64",
    ]);
    expect(calls[0]?.envelope.response.body).toBe("not base64 at all!");
    expect(calls[0]?.envelope.request.payload).toEqual({
      model: "gpt-3.5-turbo",
      messages: [{ role: "user", content: "Tell me a joke about OpenTelemetry" }],
    });
  });

  it("keeps a body of an unknown encoding as its text, with a problem", () => {
    const har = JSON.parse(fixture("plain-forms.har"));
    har.log.entries[0].response.content.encoding = "hex";
    const [call] = harContainer.open(JSON.stringify(har), "x/recording.har", DEFAULT_LIMITS).calls;
    expect(call?.problem).toBe('response body: the body has an unknown encoding "hex"');
    expect(call?.envelope.response.body).toEqual({ matches: [{ id: "doc-1", score: 0.92 }], namespace: "" });
  });

  it("reports a gzip body that is corrupt as a problem", () => {
    const har = JSON.parse(fixture("openai-chat-gzip-chunks.har"));
    har.log.entries[0].response.content.text = JSON.stringify(["H4sIAAAAAAAAAwAAAP//", "AAAA"]);
    const [call] = harContainer.open(JSON.stringify(har), "x/recording.har", DEFAULT_LIMITS).calls;
    expect(call?.problem).toBe("response body: the gzip body is corrupt: unexpected end of file");
  });

  it("opens a HAR with no entries with a note", () => {
    const opened = harContainer.open(
      '{"log": {"_recordingName": "S/t", "entries": []}}',
      "r.har",
      DEFAULT_LIMITS,
    );
    expect(opened).toEqual({ format: "har", test: "S/t", calls: [], notes: ["the HAR has no entries"] });
  });

  it("throws a ContainerError naming what cannot be read", () => {
    const read = (text: string) => () => harContainer.open(text, "r.har", DEFAULT_LIMITS);
    expect(read('{"log": {"entries": [')).toThrow(ContainerError);
    expect(read('{"log": {"entries": [')).toThrow(/^invalid JSON in the HAR: /);
    expect(read('{"log": {"creator": {}}}')).toThrow(
      "not a HAR: log.entries: Invalid input: expected array, received undefined",
    );
    const har = JSON.parse(fixture("openai-chat-gzip-chunks.har"));
    delete har.log.entries[0].request.url;
    expect(read(JSON.stringify(har))).toThrow(
      "HAR entry 0 cannot be read: log.entries[0].request.url: Invalid input: expected string, received undefined",
    );
    const deep = `{"log": {"entries": [], "x": ${"[".repeat(300)}${"]".repeat(300)}}}`;
    expect(read(deep)).toThrow("the HAR nests more than 256 levels deep; it is not read");
  });
});

describe("harTestName", () => {
  it("prefers the recording name", () => {
    expect(harTestName("Suite/test", "a_1/b_2/recording.har")).toBe("Suite/test");
  });

  it("falls back to the folder names without their hash suffixes", () => {
    expect(
      harTestName(
        undefined,
        "packages/instrumentation-openai/test/recordings/Test-OpenAI-instrumentation_1770406427/should-set-attributes-in-span-for-chat_1427850401/recording.har",
      ),
    ).toBe("Test-OpenAI-instrumentation/should-set-attributes-in-span-for-chat");
    expect(harTestName(undefined, "recording.har")).toBeNull();
    expect(harTestName("", "recordings/plain/recording.har")).toBeNull();
  });
});

const CORPUS = `${CORPUS_ROOT}/cassettes/openllmetry-js`;

function harFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return harFiles(path);
    return entry.name.endsWith(".har") ? [path] : [];
  });
}

describe.skipIf(!existsSync(CORPUS))("the openllmetry-js corpus", () => {
  it("opens every recording.har with every entry decoded", () => {
    const files = harFiles(CORPUS);
    let calls = 0;
    let problems = 0;
    let withTest = 0;
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      expect(harContainer.sniff(text.slice(0, 512))).toBe(true);
      const opened = harContainer.open(text, relative(CORPUS, path), DEFAULT_LIMITS);
      calls += opened.calls.length;
      problems += opened.calls.filter((call) => call.problem !== null).length;
      if (opened.test) withTest++;
    }
    expect([files.length, calls, problems, withTest]).toEqual([111, 166, 0, 111]);
  });
});
