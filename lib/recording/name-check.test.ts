import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fileNameInfo } from "./name-check";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const H12 = "0123456789ab";
const H64 = "0123456789abcdef".repeat(4);

/** An inference recording as the recorder writes it (numbers as Python wrote them). */
function inferenceRecording(options: {
  url: string;
  method?: string;
  body: string;
  testId?: string | null;
}): string {
  const testId = options.testId === undefined ? "" : `"test_id": ${JSON.stringify(options.testId)}, `;
  return `{${testId}"request": {"method": "${options.method ?? "POST"}", "url": "${options.url}", "headers": {}, "body": ${options.body}, "endpoint": "/v1/chat/completions", "model": "m"}, "response": {"body": null, "is_streaming": false}}`;
}

// Written by hand as Python's json.dumps(sort_keys=True) writes them (checked against python3).
const CHAT_WITH_TEST_ID =
  '{"body": {"model": "m", "temperature": 0.0}, "endpoint": "/v1/chat/completions", "method": "POST", "test_id": "t::x"}';
const CHAT_WITHOUT_TEST_ID =
  '{"body": {"model": "m", "temperature": 0.0}, "endpoint": "/v1/chat/completions", "method": "POST"}';
const MODELS = '{"body": {}, "endpoint": "/v1/models", "method": "GET"}';

describe("fileNameInfo", () => {
  const chat = inferenceRecording({
    url: "http://localhost:11434/v1/chat/completions",
    body: '{"model": "m", "temperature": 0.0}',
    testId: "t::x",
  });

  it("checks the literal hashes themselves", () => {
    expect(sha256(CHAT_WITH_TEST_ID)).toBe(
      "791777a3631ab7c41de687fcd998b1f6f18f35d0595cb9b7b43b654f33a6021b",
    );
    expect(sha256(CHAT_WITHOUT_TEST_ID).slice(0, 12)).toBe("5fe1b02d0c54");
  });

  it("matches a 64-hex name: sha256 of {method, endpoint, body, test_id}", () => {
    const hash = sha256(CHAT_WITH_TEST_ID);
    expect(fileNameInfo(`${hash}.json`, chat)).toEqual({
      scheme: "hash-64",
      nameHash: hash,
      computedHash: hash,
      matches: true,
      basis: "{method, endpoint, body, test_id}",
    });
  });

  it("matches a 12-hex name: the first 12 hex of the hash without the test id", () => {
    const hash = sha256(CHAT_WITHOUT_TEST_ID);
    const info = fileNameInfo(`${hash.slice(0, 12)}.json`, chat);
    expect(info).toEqual({
      scheme: "hash-12",
      nameHash: hash.slice(0, 12),
      computedHash: hash,
      matches: true,
      basis: "{method, endpoint, body}",
    });
  });

  it("does not match once the body, the test id or the URL path changes", () => {
    const name = `${sha256(CHAT_WITH_TEST_ID)}.json`;
    const recorded = {
      url: "http://localhost:11434/v1/chat/completions",
      body: '{"model": "m", "temperature": 0.0}',
      testId: "t::x",
    };
    const changes: [string, Partial<typeof recorded>][] = [
      ["the body", { body: '{"model": "m", "temperature": 0.5}' }],
      // 0 is not 0.0 to Python: the number must hash as recorded.
      ["0 for 0.0", { body: '{"model": "m", "temperature": 0}' }],
      ["the test id", { testId: "t::y" }],
      ["the URL path", { url: "http://localhost:11434/v1/v1/chat/completions" }],
    ];
    expect(fileNameInfo(name, inferenceRecording(recorded)).matches).toBe(true);
    for (const [what, change] of changes) {
      expect(fileNameInfo(name, inferenceRecording({ ...recorded, ...change })).matches, what).toBe(false);
    }
  });

  it("ignores the host and upper-cases the method", () => {
    const name = `${sha256(CHAT_WITH_TEST_ID)}.json`;
    const otherHost = inferenceRecording({
      url: "https://api.openai.com/v1/chat/completions",
      method: "post",
      body: '{"model": "m", "temperature": 0.0}',
      testId: "t::x",
    });
    expect(fileNameInfo(name, otherHost).matches).toBe(true);
  });

  it("hashes a missing test id as null", () => {
    const noTestId = inferenceRecording({
      url: "http://localhost:11434/v1/chat/completions",
      body: '{"model": "m", "temperature": 0.0}',
    });
    const expected = sha256(
      '{"body": {"model": "m", "temperature": 0.0}, "endpoint": "/v1/chat/completions", "method": "POST", "test_id": null}',
    );
    expect(fileNameInfo(`${expected}.json`, noTestId).matches).toBe(true);
  });

  it("leaves the test id out for /v1/models", () => {
    const hash = sha256(MODELS);
    const models = inferenceRecording({
      url: "http://localhost:11434/v1/models",
      method: "GET",
      body: "{}",
      testId: "t::x",
    });
    expect(fileNameInfo(`models-${hash}-0badf00d.json`, models)).toEqual({
      scheme: "models",
      nameHash: hash,
      computedHash: hash,
      matches: true,
      basis: "{method, endpoint, body}",
    });
    expect(fileNameInfo(`${hash}.json`, models).matches).toBe(true);
  });

  it("hashes tool invocations as {provider, tool_name, kwargs}", () => {
    const text =
      '{"test_id": "t::tool", "request": {"test_id": "t::tool", "provider": "tavily", "tool_name": "web_search", "kwargs": {"query": "x", "max_results": 3}}, "response": {"body": null, "is_streaming": false}}';
    const hash = sha256(
      '{"kwargs": {"max_results": 3, "query": "x"}, "provider": "tavily", "tool_name": "web_search"}',
    );
    expect(fileNameInfo(`${hash}.json`, text)).toEqual({
      scheme: "hash-64",
      nameHash: hash,
      computedHash: hash,
      matches: true,
      basis: "{provider, tool_name, kwargs}",
    });
  });

  it("hashes raw HTTP recordings as {test_id, url, method, payload}", () => {
    const text =
      '{"request": {"test_id": "t::r", "url": "https://api.anthropic.com/v1/messages", "method": "POST", "payload": {"model": "claude", "max_tokens": 16}}, "response": {"body": {}, "is_streaming": false, "status": 200}}';
    const hash = sha256(
      '{"method": "POST", "payload": {"max_tokens": 16, "model": "claude"}, "test_id": "t::r", "url": "https://api.anthropic.com/v1/messages"}',
    );
    const info = fileNameInfo(`${hash}.json`, text);
    expect(info.matches).toBe(true);
    expect(info.basis).toBe("{test_id, url, method, payload}");
  });

  it("computes the hash of any name but cannot say whether an other-scheme name matches", () => {
    expect(fileNameInfo("my-recording.json", chat)).toEqual({
      scheme: "other",
      nameHash: null,
      computedHash: sha256(CHAT_WITH_TEST_ID),
      matches: null,
      basis: "{method, endpoint, body, test_id}",
    });
  });

  it("answers unknown for text that is not JSON or not a recording", () => {
    const unknown = { computedHash: null, matches: null, basis: null };
    expect(fileNameInfo(`${H64}.json`, '{"request": {"method": "POST"')).toEqual({
      scheme: "hash-64",
      nameHash: H64,
      ...unknown,
    });
    expect(fileNameInfo(`${H12}.json`, "[1, 2]")).toEqual({ scheme: "hash-12", nameHash: H12, ...unknown });
    expect(fileNameInfo(`${H12}.json`, '{"request": {"something": 1}}')).toEqual({
      scheme: "hash-12",
      nameHash: H12,
      ...unknown,
    });
  });

  // The request of lib/recording/recorder-hash.test.ts, whose hashes were computed with Python.
  const normalizedRequest = `{"test_id": "tests/a.py::test_b[x]", "request": {"method": "POST", "url": "http://localhost:8321/v1/chat/completions", "headers": {}, "body": {"model": "m", "temperature": 0.123456789, "top_p": 1.0, "max_tokens": 50, "messages": [{"role": "user", "content": "caf\\u00e9 \\ud83d\\ude00 ratio 3.14159265 [1] document_id: 0f8e6b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b, score: 0.9876543"}], "extra_body": {"project_id": "p-123", "guided_choice": ["a", "b"]}}, "endpoint": "/v1/chat/completions", "model": "m"}, "response": {"body": null, "is_streaming": false}}`;

  it("hashes the body as today's recorder normalizes it (rounded floats, masked ids, no project id)", () => {
    const today = "2b41531114671b4b6f2657c2199f00c7269f5e79be2db86549df93bcae8bc4d1";
    expect(fileNameInfo(`${today}.json`, normalizedRequest)).toEqual({
      scheme: "hash-64",
      nameHash: today,
      computedHash: today,
      matches: true,
      basis: "{method, endpoint, body, test_id}",
    });
  });

  it("matches a name an older recorder gave (raw body, no test id) and says which fields it hashed", () => {
    const info = fileNameInfo("4e849b2f073c.json", normalizedRequest);
    expect(info).toMatchObject({ scheme: "hash-12", nameHash: "4e849b2f073c", matches: true });
    expect(info.computedHash?.startsWith("4e849b2f073c")).toBe(true);
    expect(info.basis).toBe("{method, endpoint, body}");
    expect(fileNameInfo("4e849b2f073d.json", normalizedRequest)).toMatchObject({
      matches: false,
      computedHash: "2b41531114671b4b6f2657c2199f00c7269f5e79be2db86549df93bcae8bc4d1",
    });
  });
});
