import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDirectory, type CheckReport } from "./check";
import { chatChunk, chatRecording, exceptionRecording } from "@/lib/recording/testing/recording-builders";

const CHAT = chatRecording(
  { testId: "tests/integration/inference/test_chat.py::test_chat[txt=ollama/m]", prompt: "hi" },
  "Hello",
);

const chunk = (delta: object, finish: string | null = null) => chatChunk(delta, finish);

const CHAT_STREAM = JSON.stringify({
  test_id: "tests/integration/inference/test_chat.py::test_stream[txt=ollama/m]",
  request: {
    method: "POST",
    url: "http://localhost:11434/v1/v1/chat/completions",
    headers: {},
    body: { model: "m", messages: [{ role: "user", content: "hi" }], stream: true },
    endpoint: "/v1/chat/completions",
    model: "m",
  },
  response: {
    body: [chunk({ role: "assistant", content: "Hel" }), chunk({ content: "lo" }, "stop")],
    is_streaming: true,
  },
});

const MODELS = JSON.stringify({
  request: {
    method: "POST",
    url: "https://api.openai.com/v1/v1/models",
    headers: {},
    body: {},
    endpoint: "/v1/models",
    model: "",
  },
  response: {
    body: [
      {
        __type__: "openai.types.model.Model",
        __data__: { id: "gpt-4o", created: 0, object: "model", owned_by: "system" },
      },
    ],
    is_streaming: false,
  },
});

const EMBEDDINGS = JSON.stringify({
  test_id: "t::embed",
  request: {
    method: "POST",
    url: "http://localhost:11434/v1/v1/embeddings",
    headers: {},
    body: { model: "e", input: ["a"] },
    endpoint: "/v1/embeddings",
    model: "e",
  },
  response: {
    body: {
      __type__: "openai.types.create_embedding_response.CreateEmbeddingResponse",
      __data__: {
        data: [{ embedding: [3.0, 4.0], index: 0, object: "embedding" }],
        model: "e",
        object: "list",
        usage: { prompt_tokens: 1, total_tokens: 1 },
      },
    },
    is_streaming: false,
  },
});

const OLLAMA = JSON.stringify({
  test_id: "t::ollama",
  request: {
    method: "POST",
    url: "http://localhost:11434/api/generate",
    headers: {},
    body: { model: "llama3.2:3b", prompt: "Say hi", stream: false },
    endpoint: "/api/generate",
    model: "llama3.2:3b",
  },
  response: {
    body: {
      __type__: "ollama._types.GenerateResponse",
      __data__: {
        model: "llama3.2:3b",
        created_at: "1970-01-01T00:00:00.000000Z",
        done: true,
        done_reason: "stop",
        total_duration: 0,
        load_duration: 0,
        prompt_eval_count: 3,
        prompt_eval_duration: 0,
        eval_count: 2,
        eval_duration: 0,
        response: "Hi!",
        thinking: null,
        context: null,
      },
    },
    is_streaming: false,
  },
});

const TOOL = JSON.stringify({
  test_id: "t::tool",
  request: { test_id: "t::tool", provider: "tavily", tool_name: "web_search", kwargs: { query: "x" } },
  response: {
    body: {
      __type__: "llama_stack_api.tools.ToolInvocationResult",
      __data__: { content: "result text", error_message: null, error_code: null, metadata: null },
    },
    is_streaming: false,
  },
});

const EXCEPTION = exceptionRecording({ testId: "t::exception", prompt: "boom" }, "bad thing");

const UNKNOWN_TYPE = JSON.stringify({
  test_id: "t::unknown",
  request: {
    method: "POST",
    url: "http://localhost:11434/v1/v1/chat/completions",
    headers: {},
    body: { model: "m", messages: [] },
    endpoint: "/v1/chat/completions",
    model: "m",
  },
  response: { body: { __type__: "acme.types.Mystery", __data__: { x: 1 } }, is_streaming: false },
});

// The chat recording cut off after `"method":"POST",`: a property name is expected next.
const TRUNCATED = CHAT.slice(0, CHAT.indexOf('"url"'));

let root: string;
let report: CheckReport;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tapedeck-check-"));
  const files: Record<string, string | Buffer> = {
    "package.json": "{}",
    "tests/integration/inference/test_config.json": "not even JSON",
    "tests/integration/inference/recordings/chat.json": CHAT,
    "tests/integration/inference/recordings/stream.json": CHAT_STREAM,
    "tests/integration/inference/recordings/embeddings.json": EMBEDDINGS,
    "tests/integration/inference/recordings/ollama.json": OLLAMA,
    "tests/integration/common/recordings/models-0123456789ab-01234567.json": MODELS,
    "tests/integration/tools/recordings/tool.json": TOOL,
    "tests/integration/inference/recordings/exception.json": EXCEPTION,
    "tests/integration/inference/recordings/unknown.json": UNKNOWN_TYPE,
    "tests/integration/inference/recordings/truncated.json": TRUNCATED,
    "tests/integration/inference/recordings/empty.json": "",
    "tests/integration/inference/recordings/not-a-recording.json": '{"hello": 1}',
    "tests/integration/inference/recordings/latin1.json": Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
    "tests/integration/inference/recordings/readme.md": "# not a recording",
    "node_modules/pkg/recordings/ignored.json": "broken",
  };
  for (const [relPath, content] of Object.entries(files)) {
    const path = join(root, ...relPath.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  report = await checkDirectory(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("checkDirectory", () => {
  it("counts every recording below the recordings folders, and nothing else", () => {
    expect(report.files).toBe(12);
  });

  it("counts the files each family decoded", () => {
    expect(report.decoded).toEqual({
      "openai-chat": 2,
      "openai-embeddings": 1,
      "openai-models": 1,
      ollama: 1,
      "tool-invocation": 1,
      exception: 1,
    });
  });

  it("counts the generic fallback apart, saying the type is unknown", () => {
    expect(report.generic).toBe(1);
    expect(report.genericFiles).toEqual([
      {
        path: join(root, "tests/integration/inference/recordings/unknown.json"),
        interaction: null,
        reason: 'unknown __type__ "acme.types.Mystery" (no decoder for this class)',
      },
    ]);
  });

  it("lists every failed file with its reason, sorted by path", () => {
    const at = (name: string) => join(root, "tests/integration/inference/recordings", name);
    expect(report.failed.map((file) => file.path)).toEqual([
      at("empty.json"),
      at("latin1.json"),
      at("not-a-recording.json"),
      at("truncated.json"),
    ]);
    const reasons = Object.fromEntries(report.failed.map((file) => [file.path, file.reason]));
    expect(reasons[at("empty.json")]).toBe("the file is empty");
    expect(reasons[at("latin1.json")]).toBe("the file is not valid UTF-8: byte 0xe9 at line 1, column 3");
    expect(reasons[at("not-a-recording.json")]).toMatch(/^valid JSON but not a recording: request: /);
    expect(reasons[at("truncated.json")]).toBe(
      `invalid JSON at line 1, column ${TRUNCATED.length + 1}: PropertyNameExpected`,
    );
  });

  it("adds up: every file is decoded, generic or failed", () => {
    const decoded = Object.values(report.decoded).reduce((sum, n) => sum + n, 0);
    expect(decoded + report.generic + report.failed.length).toBe(report.files);
  });

  it("shows paths as the given directory joined with the file's path", async () => {
    const sub = await checkDirectory(join(root, "tests/integration/tools"));
    expect(sub).toEqual({
      files: 1,
      interactions: 1,
      formats: { "llama-stack": 1 },
      decoded: { "tool-invocation": 1 },
      generic: 0,
      genericHosts: {},
      genericFiles: [],
      skipped: 0,
      failed: [],
      interactionProblems: [],
    });
  });
});
