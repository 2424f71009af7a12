import { readFileSync } from "node:fs";
import { LosslessNumber } from "lossless-json";
import { describe, expect, it } from "vitest";
import { parseFailures } from "./error-text";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

const WEATHER =
  "tests/integration/inference/test_openai_completion.py::test_chat_weather[txt=ollama/llama3.2:3b-instruct-fp16]";
const GREETING =
  "tests/integration/inference/test_openai_completion.py::test_chat_greeting[txt=ollama/llama3.2:3b-instruct-fp16]";
const SEARCH =
  "tests/integration/tool_runtime/test_builtin_tools.py::test_web_search_tool[txt=ollama/llama3.2:3b-instruct-fp16]";
const CASSETTE =
  "/home/runner/work/pydantic-ai/pydantic-ai/tests/models/cassettes/test_openai/test_request_simple_success.yaml";

describe("llama-stack's replay error", () => {
  it("reads the hash, model, method and URL of the recorder's message", () => {
    const text = [
      "RuntimeError: Recording not found for request hash: 350058b29938570e7533a9fcb233e96f51cbf2bd302c893d352e088296c1637f",
      "Model: llama3.2:3b-instruct-fp16 | Request: POST http://0.0.0.0:11434/v1/v1/chat/completions",
      "",
      "Run './scripts/integration-tests.sh --inference-mode record-if-missing' with required API keys to generate.",
    ].join("\n");
    expect(parseFailures(text)).toEqual([
      {
        kind: "llama-stack",
        test: null,
        message:
          "Recording not found for request hash: 350058b29938570e7533a9fcb233e96f51cbf2bd302c893d352e088296c1637f",
        hash: "350058b29938570e7533a9fcb233e96f51cbf2bd302c893d352e088296c1637f",
        model: "llama3.2:3b-instruct-fp16",
        method: "POST",
        url: "http://0.0.0.0:11434/v1/v1/chat/completions",
      },
    ]);
  });

  it("answers each failure of a pytest log once, with the node id of its FAILED line", () => {
    const failures = parseFailures(fixture("llama-stack-replay.log"));
    expect(failures.map((f) => [f.kind, f.test])).toEqual([
      ["llama-stack", WEATHER],
      ["llama-stack", GREETING],
      ["llama-stack-tool", SEARCH],
    ]);
    const [weather, greeting, search] = failures;
    expect(weather).toMatchObject({
      hash: "350058b29938570e7533a9fcb233e96f51cbf2bd302c893d352e088296c1637f",
      model: "llama3.2:3b-instruct-fp16",
      method: "POST",
      url: "http://0.0.0.0:11434/v1/v1/chat/completions",
    });
    expect(greeting).toMatchObject({
      hash: "07dd8543b08a6ed07facfaa033acc92bb679b668b36f6daf9019d4f93a80a4cd",
    });
    expect(search).toMatchObject({
      provider: "tavily-search",
      toolName: "web_search",
      kwargs: { query: "Who won the 2024 Nobel Prize in Physics?", max_results: new LosslessNumber("3") },
    });
  });

  it("reads the raw HTTP misses (Messages passthrough, rerank)", () => {
    const text = [
      "RuntimeError: Recording not found for httpx stream POST http://localhost:11434/v1/messages",
      "RuntimeError: Recording not found for rerank request | URL: http://nim:8000/v1/ranking",
    ].join("\n");
    expect(
      parseFailures(text).map((f) => (f.kind === "llama-stack-http" ? [f.method, f.url] : f.kind)),
    ).toEqual([
      ["POST", "http://localhost:11434/v1/messages"],
      ["POST", "http://nim:8000/v1/ranking"],
    ]);
  });
});

describe("vcrpy's CannotOverwriteExistingCassetteException", () => {
  it("reads the message as the issue quotes it, on one line", () => {
    const text =
      "CannotOverwriteExistingCassetteException: Can't overwrite existing cassette ('tests/cassettes/test_x/test_chat.yaml') in your current record mode ('none'). No match for the request (<Request (POST) https://api.openai.com/v1/chat/completions>) was found. Found 1 similar requests with 1 different matcher(s) : 1 - (<Request (POST) https://api.openai.com/v1/chat/completions>). Matchers succeeded : ['method', 'scheme', 'host', 'port', 'path', 'query'] Matchers failed : body - assertion failure : b'{\"model\":\"gpt-4o\",\"temperature\":0.2}' != b'{\"model\":\"gpt-4o\"}'";
    expect(parseFailures(text)).toEqual([
      {
        kind: "vcrpy",
        test: null,
        message:
          "Can't overwrite existing cassette ('tests/cassettes/test_x/test_chat.yaml') in your current record mode ('none').",
        cassette: "tests/cassettes/test_x/test_chat.yaml",
        recordMode: "none",
        method: "POST",
        url: "https://api.openai.com/v1/chat/completions",
        similar: [
          {
            method: "POST",
            url: "https://api.openai.com/v1/chat/completions",
            succeeded: ["method", "scheme", "host", "port", "path", "query"],
            failed: [
              {
                matcher: "body",
                message: `b'{"model":"gpt-4o","temperature":0.2}' != b'{"model":"gpt-4o"}'`,
              },
            ],
          },
        ],
      },
    ]);
  });

  it("reads a pytest log: cassette, request, similar requests and failed matchers, per test", () => {
    const failures = parseFailures(fixture("vcrpy-replay.log"));
    expect(failures).toHaveLength(2);
    const [simple, responses] = failures;
    expect(simple).toMatchObject({
      kind: "vcrpy",
      test: "tests/models/test_openai.py::test_request_simple_success",
      cassette: CASSETTE,
      recordMode: "none",
      method: "POST",
      url: "https://api.openai.com/v1/chat/completions",
    });
    expect(simple?.kind === "vcrpy" ? simple.similar : null).toEqual([
      {
        method: "POST",
        url: "https://api.openai.com/v1/chat/completions",
        succeeded: ["method", "scheme", "host", "port", "path", "query"],
        failed: [{ matcher: "body", message: "" }],
      },
      {
        method: "POST",
        url: "https://api.openai.com/v1/chat/completions",
        succeeded: ["method", "scheme", "host", "port", "path", "query"],
        failed: [{ matcher: "body", message: "" }],
      },
    ]);
    expect(responses).toMatchObject({
      test: "tests/models/test_openai.py::test_responses_model",
      url: "https://api.openai.com/v1/responses",
    });
    expect(responses?.kind === "vcrpy" ? responses.similar : null).toEqual([
      {
        method: "POST",
        url: "https://api.openai.com/v1/chat/completions",
        succeeded: ["method", "scheme", "host", "port", "query"],
        failed: [
          { matcher: "path", message: "/v1/responses != /v1/chat/completions" },
          { matcher: "body", message: "" },
        ],
      },
    ]);
  });
});

describe("logs", () => {
  it("strips colours and CI timestamps, and takes the test of a lone failure from its FAILED line", () => {
    const text = [
      "2025-10-06T12:00:01.1234567Z \u001b[31mE   RuntimeError: Recording not found for request hash: abcdef012345\u001b[0m",
      "2025-10-06T12:00:01.1234567Z E   Model: gpt-4o | Request: POST https://api.openai.com/v1/chat/completions",
      "2025-10-06T12:00:02.0000000Z FAILED tests/integration/x/test_a.py::test_b[p]",
    ].join("\n");
    expect(parseFailures(text)).toMatchObject([
      {
        kind: "llama-stack",
        hash: "abcdef012345",
        model: "gpt-4o",
        test: "tests/integration/x/test_a.py::test_b[p]",
      },
    ]);
  });

  it("finds nothing in a log without a replay miss", () => {
    expect(parseFailures("FAILED tests/a.py::test_b - AssertionError: 1 != 2")).toEqual([]);
  });
});
