import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "./main";
import { chatChunk, chatRecording, exceptionRecording } from "@/lib/recording/testing/recording-builders";

const CHAT_ID = "tests/integration/inference/test_chat.py::test_chat[txt=ollama/m]";

const CHAT = chatRecording({ testId: CHAT_ID, prompt: "hi" }, "Hello");

const chunk = (delta: object, finish: string | null = null) => chatChunk(delta, finish);

const STREAM = JSON.stringify({
  test_id: "tests/integration/inference/test_tools.py::test_weather[txt=ollama/m]",
  request: {
    method: "POST",
    url: "http://localhost:11434/v1/v1/chat/completions",
    headers: {},
    body: { model: "m", messages: [{ role: "user", content: "weather?" }], stream: true },
    endpoint: "/v1/chat/completions",
    model: "m",
  },
  response: {
    body: [
      chunk({ content: "", role: "assistant" }),
      chunk({ reasoning: "think" }),
      chunk({
        tool_calls: [
          {
            index: 0,
            id: "call_1",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":' },
          },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }, "tool_calls"),
      {
        __type__: "openai.types.chat.chat_completion_chunk.ChatCompletionChunk",
        __data__: {
          id: "rec-2",
          choices: [],
          created: 0,
          model: "m",
          object: "chat.completion.chunk",
          usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
        },
      },
    ],
    is_streaming: true,
  },
});

const EXCEPTION = exceptionRecording({ testId: "t::exception", prompt: "boom" }, "bad thing");

const TRUNCATED = CHAT.slice(0, CHAT.indexOf('"url"'));
const TRUNCATED_REASON = `invalid JSON at line 1, column ${TRUNCATED.length + 1}: PropertyNameExpected`;

let root: string;
let good: string;
let mixed: string;

async function put(base: string, relPath: string, content: string): Promise<string> {
  const path = join(base, ...relPath.split("/"));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tapedeck-cli-"));
  good = join(root, "good");
  mixed = join(root, "mixed");
  await put(good, "recordings/chat.json", CHAT);
  await put(good, "recordings/stream.json", STREAM);
  await put(mixed, "recordings/chat.json", CHAT);
  await put(mixed, "recordings/exception.json", EXCEPTION);
  await put(mixed, "recordings/broken.json", TRUNCATED);
  await put(mixed, "stray.json", "not JSON, and outside the recordings folder");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let out: string[];
let err: string[];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void err.push(args.join(" ")));
});

afterEach(() => {
  vi.restoreAllMocks();
});

const stdout = () => out.join("\n");
const stderr = () => err.join("\n");

describe("tapedeck", () => {
  it("--help lists the commands and exits 0", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(stdout()).toMatch(/^Usage: tapedeck <command> \[options\]/);
    for (const command of ["check", "serve", "show"])
      expect(stdout()).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(await main(["-h"])).toBe(0);
    expect(await main(["help"])).toBe(0);
  });

  it("without a command prints the help and exits 2", async () => {
    expect(await main([])).toBe(2);
    expect(stdout()).toContain("Usage: tapedeck <command>");
  });

  it("exits 2 on an unknown command", async () => {
    expect(await main(["bogus"])).toBe(2);
    expect(stderr()).toContain('tapedeck: unknown command "bogus"');
    expect(stdout()).toBe("");
  });

  it.each(["check", "show", "serve"])("%s --help and -h print its help and exit 0", async (command) => {
    expect(await main([command, "--help"])).toBe(0);
    expect(stdout()).toContain(`Usage: tapedeck ${command}`);
    out.length = 0;
    expect(await main([command, "-h"])).toBe(0);
    expect(stdout()).toContain(`Usage: tapedeck ${command}`);
    expect(stderr()).toBe("");
  });
});

describe("tapedeck check", () => {
  it("exits 2 without a directory", async () => {
    expect(await main(["check"])).toBe(2);
    expect(stderr()).toMatch(/^tapedeck check: missing <dir>/);
    expect(stderr()).toContain("Usage: tapedeck check");
  });

  it("exits 2 on an unknown option", async () => {
    expect(await main(["check", "--bogus", good])).toBe(2);
    expect(stderr()).toMatch(/^tapedeck check: .*--bogus/);
    expect(stdout()).toBe("");
  });

  it("exits 2 on a second directory, a missing directory or a file", async () => {
    expect(await main(["check", good, mixed])).toBe(2);
    expect(stderr()).toContain(`unexpected argument: ${mixed}`);
    expect(await main(["check", join(root, "missing")])).toBe(2);
    expect(stderr()).toContain(`not a directory: ${join(root, "missing")}`);
    expect(await main(["check", join(good, "recordings", "chat.json")])).toBe(2);
  });

  it("--json prints exactly one JSON object and exits 1 when a file failed", async () => {
    expect(await main(["check", mixed, "--json"])).toBe(1);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0] ?? "") as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual([
      "decoded",
      "failed",
      "files",
      "formats",
      "generic",
      "generic_hosts",
      "interaction_problems",
      "interactions",
      "skipped",
    ]);
    expect(report).toEqual({
      files: 3,
      interactions: 2,
      formats: { "llama-stack": 2 },
      decoded: { "openai-chat": 1, exception: 1 },
      generic: 0,
      generic_hosts: {},
      skipped: 0,
      failed: [{ path: join(mixed, "recordings", "broken.json"), reason: TRUNCATED_REASON }],
      interaction_problems: [],
    });
    expect(stderr()).toBe("");
  });

  it("--json exits 0 when no file failed", async () => {
    expect(await main(["check", "--json", good])).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0] ?? "")).toEqual({
      files: 2,
      interactions: 2,
      formats: { "llama-stack": 2 },
      decoded: { "openai-chat": 2 },
      generic: 0,
      generic_hosts: {},
      skipped: 0,
      failed: [],
      interaction_problems: [],
    });
  });

  it("prints a readable report with every failure", async () => {
    expect(await main(["check", mixed])).toBe(1);
    expect(out[0]).toBe(`3 recording files under ${mixed} (2 llama-stack), 2 interactions`);
    expect(stdout()).toContain("       1  failed files");
    expect(stdout()).toContain(`${join(mixed, "recordings", "broken.json")}: ${TRUNCATED_REASON}`);
  });
});

describe("tapedeck show", () => {
  it("--json prints the decoded exchange", async () => {
    expect(await main(["show", join(good, "recordings", "stream.json"), "--json"])).toBe(0);
    expect(out).toHaveLength(1);
    const shown = JSON.parse(out[0] ?? "") as Record<string, unknown>;
    const message = {
      role: "assistant",
      content: "",
      reasoning: "think",
      tool_calls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }],
      finish_reason: "tool_calls",
    };
    expect(shown).toMatchObject({
      family: "openai-chat",
      kind: "chat",
      provider: "openai-compatible",
      model: "m",
      test_id: "tests/integration/inference/test_tools.py::test_weather[txt=ollama/m]",
      streaming: true,
      chunks: 5,
      message,
      choices: [message],
      usage: { input_tokens: 5, output_tokens: 7, total_tokens: 12, reasoning_tokens: null },
      error: null,
    });
    for (const key of ["request", "response", "notes", "file_name"]) expect(shown).toHaveProperty(key);
  });

  it("--json of a non-streamed chat and of a recorded error", async () => {
    expect(await main(["show", "--json", join(good, "recordings", "chat.json")])).toBe(0);
    expect(JSON.parse(out[0] ?? "")).toMatchObject({
      family: "openai-chat",
      streaming: false,
      chunks: 0,
      message: { role: "assistant", content: "Hello", reasoning: "", tool_calls: [], finish_reason: "stop" },
      usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2, reasoning_tokens: null },
      error: null,
    });
    out.length = 0;
    expect(await main(["show", "--json", join(mixed, "recordings", "exception.json")])).toBe(0);
    expect(JSON.parse(out[0] ?? "")).toMatchObject({
      family: "exception",
      message: null,
      choices: [],
      usage: null,
      error: { type: "BadRequestError", status: 400, message: "bad thing" },
    });
  });

  it("says whether the file name still matches the request hash", async () => {
    const hash = createHash("sha256")
      .update(
        `{"body": {"messages": [{"content": "hi", "role": "user"}], "model": "m"}, "endpoint": "/v1/v1/chat/completions", "method": "POST", "test_id": "${CHAT_ID}"}`,
      )
      .digest("hex");
    const file = await put(root, `named/${hash}.json`, CHAT);
    expect(await main(["show", file, "--json"])).toBe(0);
    expect((JSON.parse(out[0] ?? "") as { file_name: unknown }).file_name).toEqual({
      scheme: "hash-64",
      nameHash: hash,
      computedHash: hash,
      matches: true,
      basis: "{method, endpoint, body, test_id}",
    });
    out.length = 0;
    expect(await main(["show", file])).toBe(0);
    expect(stdout()).toContain("file name: hash-64, matches the request hash");
  });

  it("prints the request in brief and the reassembled message", async () => {
    expect(await main(["show", join(good, "recordings", "stream.json")])).toBe(0);
    const text = stdout();
    expect(text.split("\n")[0]).toBe("openai-chat · chat · openai-compatible (localhost:11434)");
    expect(text).toContain("  user: weather?");
    expect(text).toContain("Response (stream of 5 chunks, model m)");
    expect(text).toContain('  tool call get_weather (call_1): {"city":"Paris"}');
    expect(text).toContain("  finish reason: tool_calls");
    expect(text).toContain("  usage: 5 in, 7 out, 12 total");
  });

  it("exits 1 with the reason on a broken file", async () => {
    const file = join(mixed, "recordings", "broken.json");
    expect(await main(["show", file])).toBe(1);
    expect(stderr()).toBe(`${file}: broken recording: ${TRUNCATED_REASON}`);
    expect(stdout()).toBe("");
    err.length = 0;
    expect(await main(["show", file, "--json"])).toBe(1);
    expect(JSON.parse(out[0] ?? "")).toEqual({ ok: false, kind: "invalid-json", reason: TRUNCATED_REASON });
  });

  it("accepts any file name, even one outside a recordings folder", async () => {
    expect(await main(["show", join(mixed, "stray.json")])).toBe(1);
    expect(stderr()).toMatch(/broken recording: invalid JSON at line 1, column 1: /);
  });

  it("exits 2 on a missing file, a directory, no file or an unknown option", async () => {
    expect(await main(["show", join(root, "missing.json")])).toBe(2);
    expect(stderr()).toContain(`tapedeck show: no such file: ${join(root, "missing.json")}`);
    expect(await main(["show", good])).toBe(2);
    expect(await main(["show"])).toBe(2);
    expect(stderr()).toContain("missing <file>");
    expect(await main(["show", "--raw", join(good, "recordings", "chat.json")])).toBe(2);
    expect(stdout()).toBe("");
  });
});

describe("tapedeck serve", () => {
  it("exits 2 on a bad port, before building or serving anything", async () => {
    expect(await main(["serve", good, "--port", "abc"])).toBe(2);
    expect(stderr()).toContain('--port must be a number from 1 to 65535, got "abc"');
    for (const port of ["0", "65536", "-1", "80.5"]) {
      err.length = 0;
      expect(await main(["serve", good, `--port=${port}`]), port).toBe(2);
      expect(stderr()).toContain("--port must be a number");
    }
    expect(stdout()).toBe("");
  });

  it("exits 2 on a missing directory, two directories or an unknown option", async () => {
    expect(await main(["serve", join(root, "missing"), "--port", "3000"])).toBe(2);
    expect(stderr()).toContain("not a directory");
    expect(await main(["serve", good, mixed])).toBe(2);
    expect(stderr()).toContain(`unexpected argument: ${mixed}`);
    expect(await main(["serve", good, "--bogus"])).toBe(2);
    expect(stdout()).toBe("");
  });
});

describe("bin/tapedeck.mjs", () => {
  const bin = fileURLToPath(new URL("../bin/tapedeck.mjs", import.meta.url));

  function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [bin, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      });
    });
  }

  it("runs the compiled command line and sets the exit status", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: tapedeck <command>");

    const usage = await run(["check"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("tapedeck check: missing <dir>");

    const checked = await run(["check", mixed, "--json"]);
    expect(checked.code).toBe(1);
    expect(checked.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(checked.stdout)).toMatchObject({ files: 3, generic: 0 });
  }, 120_000);
});
