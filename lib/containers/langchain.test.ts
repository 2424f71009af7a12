import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isEventStreamBody } from "@/lib/model/http-body";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { ContainerError } from "./container";
import { langchainContainer } from "./langchain";
import { CORPUS as CORPUS_ROOT } from "@/lib/testing/corpus-paths";

const NAME = "test_agent_loop[v0].yaml";
const PATH = `libs/aws/tests/cassettes/${NAME}.gz`;

/** The fixture as LangChain stores it (whole-file gzip), undone as the pipeline does before sniffing. */
function fixture(): string {
  const gzipped = gzipSync(readFileSync(new URL(`./fixtures/langchain/${NAME}`, import.meta.url)));
  return gunzipSync(gzipped).toString("utf8");
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

describe("LangChain sniff", () => {
  it("takes a file whose first top-level key is `requests:`", () => {
    expect(langchainContainer.sniff(fixture().slice(0, 4096))).toBe(true);
    expect(langchainContainer.sniff("requests: []\nresponses: []\n")).toBe(true);
  });

  it("leaves vcrpy's `interactions:` and other YAML alone", () => {
    expect(langchainContainer.sniff("interactions:\n- request:\n")).toBe(false);
    expect(langchainContainer.sniff("version: 1\nrequests:\n- body: null\n")).toBe(false);
  });
});

describe("LangChain cassettes", () => {
  const opened = langchainContainer.open(fixture(), PATH, DEFAULT_LIMITS);

  it("pairs requests and responses by index; the test is the file's stem", () => {
    expect(opened.format).toBe("langchain");
    expect(opened.test).toBe("test_agent_loop[v0]");
    expect(opened.notes).toEqual([]);
    expect(opened.calls.map((call) => call.envelope.request.url)).toEqual([
      "https://bedrock-runtime.us-west-2.amazonaws.com/model/us.anthropic.claude-sonnet-5/converse-stream",
      "https://bedrock-runtime.us-west-2.amazonaws.com/model/us.anthropic.claude-sonnet-5/converse",
    ]);
    expect(opened.calls.map((call) => call.envelope.test_id)).toEqual([
      "test_agent_loop[v0]",
      "test_agent_loop[v0]",
    ]);
    expect(opened.calls.map((call) => call.problem)).toEqual([null, null]);
  });

  it("finds an eventstream by its bytes when the content type is redacted", () => {
    const call = opened.calls[0];
    expect(call?.envelope.request.payload).toEqual({
      messages: [{ role: "user", content: [{ text: "What is the capital of France?" }] }],
      system: [],
      inferenceConfig: { maxTokens: 1024 },
    });
    expect(call?.envelope.response.status).toBe(200);
    expect(call?.envelope.response.is_streaming).toBe(true);
    const body = call?.envelope.response.body;
    expect(isEventStreamBody(body) ? body.$eventstream.map((message) => message.payload) : body).toEqual([
      { p: "abcd", role: "assistant" },
      { contentBlockIndex: 0, delta: { text: "Paris is" }, p: "abcdefgh" },
      { contentBlockIndex: 0, delta: { text: " the capital." }, p: "ab" },
      { contentBlockIndex: 0, p: "abcdefghijk" },
      { p: "abc", stopReason: "end_turn" },
      {
        metrics: { latencyMs: 412 },
        p: "abcdef",
        usage: { inputTokens: 14, outputTokens: 7, totalTokens: 21 },
      },
    ]);
  });

  it("finds JSON by its text, and keeps the redacted headers as recorded (single values included)", () => {
    const call = opened.calls[1];
    expect(call?.envelope.response).toEqual({
      status: 200,
      headers: {
        connection: ["**REDACTED**"],
        "content-length": ["**REDACTED**"],
        "content-type": ["**REDACTED**"],
        date: ["**REDACTED**"],
        "x-amzn-requestid": ["**REDACTED**"],
      },
      body: {
        output: { message: { role: "assistant", content: [{ text: "The capital of France is Paris." }] } },
        stopReason: "end_turn",
        usage: { inputTokens: 14, outputTokens: 9, totalTokens: 23 },
        metrics: { latencyMs: 388 },
      },
      is_streaming: false,
    });
    expect(call?.http?.requestHeaders).toEqual([
      { name: "Content-Length", value: "**REDACTED**" },
      { name: "Content-Type", value: "**REDACTED**" },
      { name: "authorization", value: "**REDACTED**" },
    ]);
    expect(call?.http?.host).toBe("bedrock-runtime.us-west-2.amazonaws.com");
    expect(call?.raw).toMatchObject({ request: { method: "POST" }, response: { status: { code: 200 } } });
  });

  it("notes requests left without a response", () => {
    const text = `requests:\n- {body: null, headers: {}, method: GET, uri: 'https://a.example/1'}\n- {body: null, headers: {}, method: GET, uri: 'https://a.example/2'}\nresponses:\n- body: {string: ok}\n  headers: {}\n  status: {code: 200, message: OK}\n`;
    const uneven = langchainContainer.open(text, PATH, DEFAULT_LIMITS);
    expect(uneven.calls.map((call) => call.envelope.response.body)).toEqual(["ok"]);
    expect(uneven.notes).toEqual([
      "the cassette has 2 requests but 1 responses; the 1 unpaired are not shown",
    ]);
  });

  it("refuses a cassette without its `responses` list", () => {
    expect(thrown(() => langchainContainer.open("requests: []\n", PATH, DEFAULT_LIMITS)).message).toBe(
      "responses: Invalid input: expected array, received undefined",
    );
  });
});

const CORPUS = `${CORPUS_ROOT}/cassettes/langchain/libs/aws/tests/cassettes`;

describe.skipIf(!existsSync(CORPUS))("LangChain on the corpus", () => {
  it("opens the 11 files: 21 calls, the 8 ConverseStream replies as eventstreams, the rest JSON", () => {
    const names = readdirSync(CORPUS).filter((name) => name.endsWith(".yaml.gz"));
    const forms: string[] = [];
    for (const name of names) {
      const text = gunzipSync(readFileSync(join(CORPUS, name))).toString("utf8");
      expect(langchainContainer.sniff(text.slice(0, 4096))).toBe(true);
      const opened = langchainContainer.open(text, `libs/aws/tests/cassettes/${name}`, DEFAULT_LIMITS);
      expect(opened.test).toBe(name.replace(/\.yaml\.gz$/, ""));
      for (const call of opened.calls) {
        expect(call.problem).toBeNull();
        const body = call.envelope.response.body;
        const stream = call.http?.url.endsWith("/converse-stream") === true;
        forms.push(
          `${stream ? "stream" : "converse"}:${isEventStreamBody(body) ? "eventstream" : typeof body}`,
        );
      }
    }
    expect(names).toHaveLength(11);
    expect(forms.filter((form) => form === "stream:eventstream")).toHaveLength(8);
    expect(forms.filter((form) => form === "converse:object")).toHaveLength(13);
    expect(forms).toHaveLength(21);
  });
});
