import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { isEventStreamBody } from "@/lib/model/http-body";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { ContainerError } from "./container";
import { rubyCassetteName, rubyVcrContainer } from "./ruby-vcr";
import { CORPUS as CORPUS_ROOT, LARGE_CASSETTES } from "@/lib/testing/corpus-paths";

const FOLDER = "spec/fixtures/vcr_cassettes";

function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/ruby-vcr/${name}.yml`, import.meta.url), "utf8");
}

function open(name: string) {
  return rubyVcrContainer.open(fixtureText(name), `${FOLDER}/${name}.yml`, DEFAULT_LIMITS);
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

const STREAMING = "chat_streaming_responses_anthropic_claude-haiku-4-5_supports_streaming_responses";
const BEDROCK = "chat_streaming_responses_bedrock_claude-haiku-4-5_supports_streaming_responses";
const TOOLS = "chat_function_calling_mistral_mistral-small-latest_can_use_tools";
const ERROR = "chat_error_handling_openrouter_claude-haiku-4_5_reports_bad_requests";
const IMAGES = "chat_with_attachments_ollama_qwen3_can_understand_remote_images";

describe("rubyVcrContainer.sniff", () => {
  it("knows a cassette by its top-level http_interactions", () => {
    expect(rubyVcrContainer.sniff(fixtureText(TOOLS).slice(0, 100))).toBe(true);
    expect(rubyVcrContainer.sniff("http_interactions: []\nrecorded_with: VCR 6.4.0\n")).toBe(true);
    expect(rubyVcrContainer.sniff("---\nversion: 2\ninteractions:\n    - id: 0\n")).toBe(false);
    expect(rubyVcrContainer.sniff("interactions:\n- request:\n    body: 'http_interactions: x'\n")).toBe(
      false,
    );
  });
});

describe("rubyCassetteName", () => {
  it("is the path below the cassette library, without .yml", () => {
    expect(rubyCassetteName(`${FOLDER}/${TOOLS}.yml`)).toBe(TOOLS);
    expect(rubyCassetteName("spec/cassettes/openai/chat.yml")).toBe("openai/chat");
    expect(rubyCassetteName("fixtures/x/basic.yaml")).toBe("basic");
    expect(rubyCassetteName("basic.yml")).toBe("basic");
  });
});

describe("rubyVcrContainer.open", () => {
  it("decodes a !binary SSE body (ASCII-8BIT) as UTF-8 text, marked streaming", () => {
    const opened = open(STREAMING);
    expect([opened.format, opened.test, opened.notes]).toEqual(["ruby-vcr", STREAMING, []]);
    const [call] = opened.calls;
    expect(call?.problem).toBeNull();
    expect(call?.envelope.test_id).toBe(STREAMING);
    expect(call?.envelope.request).toMatchObject({
      method: "POST",
      url: "https://api.anthropic.com/v1/messages",
      payload: {
        model: "claude-haiku-4-5",
        messages: [{ role: "user", content: [{ type: "text", text: "Count from 1 to 3" }] }],
        stream: true,
        max_tokens: 64000,
      },
    });
    expect(call?.envelope.request.headers).toMatchObject({
      "x-api-key": ["<ANTHROPIC_API_KEY>"],
      "anthropic-version": ["2023-06-01"],
    });
    expect(call?.envelope.response.is_streaming).toBe(true);
    const body = call?.envelope.response.body;
    const events = typeof body === "string" ? body.split("\n\n").filter((event) => event !== "") : [];
    expect(events).toHaveLength(8);
    const text = events
      .filter((event) => event.startsWith("event: content_block_delta"))
      .map((event) => JSON.parse(event.slice(event.indexOf("data: ") + 6)).delta.text)
      .join("");
    expect(text).toBe("1, 2, 3 — done");
    expect(call?.http).toMatchObject({
      method: "POST",
      host: "api.anthropic.com",
      status: 200,
      statusText: "OK",
      meta: { recorded_at: "Wed, 19 Aug 2026 14:34:13 GMT" },
    });
    expect(call?.http?.responseHeaders.slice(0, 2)).toEqual([
      { name: "Date", value: "Wed, 19 Aug 2026 14:34:12 GMT" },
      { name: "Content-Type", value: "text/event-stream; charset=utf-8" },
    ]);
  });

  it("splits a Bedrock eventstream whose host holds a placeholder", () => {
    const [call] = open(BEDROCK).calls;
    const url =
      "https://bedrock-runtime.<AWS_REGION>.amazonaws.com/model/us.anthropic.claude-haiku-4-5-20251001-v1:0/converse-stream";
    expect(call?.envelope.request.url).toBe(url);
    expect(call?.http?.host).toBe("bedrock-runtime.<AWS_REGION>.amazonaws.com");
    expect(call?.problem).toBeNull();
    expect(call?.envelope.response.is_streaming).toBe(true);
    const body = call?.envelope.response.body;
    const messages = isEventStreamBody(body) ? body.$eventstream : [];
    expect(messages.map((message) => message.headers[":event-type"])).toEqual([
      "messageStart",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockStop",
      "messageStop",
      "metadata",
    ]);
    expect(messages.every((message) => message.headers[":message-type"] === "event")).toBe(true);
    expect(messages[1]?.payload).toEqual({
      contentBlockIndex: 0,
      delta: { text: "Ruby was created" },
      p: "abcdefghijkl",
    });
    expect(messages[5]?.payload).toMatchObject({
      usage: { inputTokens: 14, outputTokens: 9, totalTokens: 23 },
    });
  });

  it("keeps a multi-interaction tool round trip in order, UTF-8 and ASCII-8BIT text alike", () => {
    const opened = open(TOOLS);
    expect(opened.calls).toHaveLength(2);
    const [first, second] = opened.calls;
    expect(first?.envelope.response.body).toMatchObject({
      choices: [
        {
          finish_reason: "tool_calls",
          message: {
            tool_calls: [
              {
                id: "uNfcQGgtW",
                function: { name: "weather", arguments: '{"latitude": "52.5200", "longitude": "13.4050"}' },
              },
            ],
          },
        },
      ],
    });
    expect(second?.envelope.request.payload).toMatchObject({
      messages: [
        { role: "user", content: "What's the weather in Berlin? (52.5200, 13.4050)" },
        { role: "assistant" },
        {
          role: "tool",
          content: "Current weather at 52.5200, 13.4050: 15°C, Wind: 10 km/h",
          tool_call_id: "uNfcQGgtW",
        },
      ],
    });
    expect(second?.envelope.response.body).toMatchObject({
      choices: [
        { finish_reason: "stop", message: { content: "It is 15 degrees in Berlin, with a light wind." } },
      ],
    });
    expect(opened.calls.map((call) => call.http?.meta.recorded_at)).toEqual([
      "Wed, 19 Aug 2026 14:41:33 GMT",
      "Wed, 19 Aug 2026 14:41:34 GMT",
    ]);
  });

  it("reads an error reply stored as !binary JSON", () => {
    const [call] = open(ERROR).calls;
    expect([call?.envelope.response.status, call?.http?.statusText]).toEqual([400, "Bad Request"]);
    expect(call?.envelope.response.body).toEqual({
      error: { message: "anthropic/claude-haiku-4.5 is not a valid model ID", code: 400 },
      user_id: "user_2zQk8V",
    });
    expect(call?.envelope.response.is_streaming).toBe(false);
  });

  it("keeps bytes as $binary and opens a URL that starts with a placeholder", () => {
    const [download, chat] = open(IMAGES).calls;
    const pngBase64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAIBrSqKCwAAAABJRU5ErkJggg==";
    expect(download?.envelope.request).toMatchObject({ method: "GET", payload: null });
    expect(download?.envelope.response.body).toEqual({
      $binary: { mediaType: "image/png", size: 70, base64: pngBase64 },
    });
    // The raw view shows the bytes marked, not as a map of byte indices.
    expect(download?.raw).toMatchObject({
      response: { body: { encoding: "ASCII-8BIT", string: { $binary: { size: 70, base64: pngBase64 } } } },
    });
    expect(chat?.envelope.request.url).toBe("<OLLAMA_API_BASE>/chat/completions");
    expect(chat?.http?.host).toBe("<OLLAMA_API_BASE>");
    expect(chat?.envelope.request.payload).toEqual({
      model: "qwen3",
      messages: [{ role: "user", content: "What's 2 + 2?" }],
      stream: false,
    });
    expect(chat?.envelope.response.body).toMatchObject({
      choices: [{ message: { role: "assistant", content: "2 + 2 = 4." }, finish_reason: "stop" }],
    });
  });

  it("reads base64_string (preserve_exact_body_bytes) and an empty cassette", () => {
    const text = [
      "http_interactions:",
      "- request: {method: get, uri: 'https://x.test/a', body: {encoding: UTF-8, string: ''}, headers: {}}",
      "  response:",
      "    status: {code: 200, message: OK}",
      "    headers: {Content-Type: [application/json]}",
      `    body: {encoding: ASCII-8BIT, base64_string: "${Buffer.from('{"ok":true}').toString("base64")}"}`,
      "recorded_with: VCR 6.4.0",
    ].join("\n");
    const [call] = rubyVcrContainer.open(text, "a.yml", DEFAULT_LIMITS).calls;
    expect([call?.envelope.request.payload, call?.envelope.response.body, call?.http?.meta]).toEqual([
      null,
      { ok: true },
      {},
    ]);
    const empty = rubyVcrContainer.open(
      "http_interactions: []\nrecorded_with: VCR 6.4.0\n",
      "none.yml",
      DEFAULT_LIMITS,
    );
    expect([empty.test, empty.calls, empty.notes]).toEqual([
      "none",
      [],
      ["the cassette holds no interactions"],
    ]);
  });

  it("refuses a broken interaction with the path of what is wrong", () => {
    const text =
      "http_interactions:\n- request: {method: post, uri: 'https://x.test'}\n  response: {status: {message: OK}}\n";
    const error = errorOf(() => rubyVcrContainer.open(text, "a.yml", DEFAULT_LIMITS));
    expect(error.message).toBe(
      "not a Ruby VCR interaction: http_interactions[0].response.status.code: Invalid input: expected number, received undefined",
    );
    const refused = errorOf(() =>
      rubyVcrContainer.open("http_interactions:\n- !ruby/object:Foo {}\n", "a.yml", DEFAULT_LIMITS),
    );
    expect(refused.kind).toBe("invalid-yaml");
  });
});

const CORPUS = `${CORPUS_ROOT}/cassettes/ruby_llm`;
const LARGE = `${LARGE_CASSETTES}/ruby_llm`;

function cassetteFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? cassetteFiles(path) : [path];
  });
}

describe.skipIf(!existsSync(CORPUS))("the ruby_llm corpus", () => {
  it("opens every cassette with every body decoded", () => {
    const files = [...cassetteFiles(CORPUS), ...cassetteFiles(LARGE)];
    const counts = { calls: 0, streaming: 0, eventstream: 0, binary: 0, errors: 0, problems: 0 };
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      expect(rubyVcrContainer.sniff(text.slice(0, 512))).toBe(true);
      const opened = rubyVcrContainer.open(
        text,
        relative(path.startsWith(CORPUS) ? CORPUS : LARGE, path),
        DEFAULT_LIMITS,
      );
      expect(opened.test).toBe(path.slice(path.lastIndexOf("/") + 1, -".yml".length));
      for (const call of opened.calls) {
        const body = call.envelope.response.body;
        counts.calls++;
        if (call.envelope.response.is_streaming) counts.streaming++;
        if (isEventStreamBody(body)) counts.eventstream++;
        if (typeof body === "object" && body !== null && "$binary" in body) counts.binary++;
        if ((call.envelope.response.status ?? 0) >= 400) counts.errors++;
        if (call.problem !== null) counts.problems++;
      }
    }
    const large = existsSync(LARGE)
      ? { files: 53, calls: 92, streaming: 14, binary: 5 }
      : { files: 0, calls: 0, streaming: 0, binary: 0 };
    expect([files.length, counts]).toEqual([
      639 + large.files,
      {
        calls: 1160 + large.calls,
        streaming: 132 + large.streaming,
        eventstream: 13,
        binary: 22 + large.binary,
        errors: 27,
        problems: 0,
      },
    ]);
  }, 120_000);
});
