import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A recorded non-streaming chat completion whose reply (and question) are the given texts. */
export function chatRecording(
  reply: string,
  options: { question?: string; testId?: string; model?: string } = {},
) {
  const model = options.model ?? "gpt-4o";
  return JSON.stringify(
    {
      test_id: options.testId ?? "tests/integration/inference/test_safety.py::test_reply[txt=openai/gpt-4o]",
      request: {
        method: "POST",
        url: "https://api.openai.com/v1/v1/chat/completions",
        headers: {},
        body: {
          model,
          messages: [{ role: "user", content: options.question ?? "Say hello." }],
          stream: false,
        },
        endpoint: "/v1/chat/completions",
        model,
        provider_metadata: { openai_sdk_version: "2.5.0" },
      },
      response: {
        body: {
          __type__: "openai.types.chat.chat_completion.ChatCompletion",
          __data__: {
            id: "rec-0000",
            choices: [
              {
                finish_reason: "stop",
                index: 0,
                logprobs: null,
                message: { content: reply, refusal: null, role: "assistant", tool_calls: null },
              },
            ],
            created: 0,
            model,
            object: "chat.completion",
            usage: { completion_tokens: 5, prompt_tokens: 5, total_tokens: 10 },
          },
        },
        is_streaming: false,
      },
      id_normalization_mapping: {},
    },
    null,
    2,
  );
}

/** A temp folder holding the given files (text or bytes), paths relative to it. */
export function makeRoot(files: Record<string, string | Buffer>, prefix = "tapedeck-root-"): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) writeFile(root, path, content);
  return root;
}

export function writeFile(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

export function removeRoot(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * A folder with a secret outside the root and a root whose recordings include links to it: a
 * link to a file outside and a link to a folder outside. Returns both paths.
 */
export function rootWithEscapes(): { root: string; outside: string } {
  const outside = mkdtempSync(join(tmpdir(), "tapedeck-outside-"));
  writeFileSync(join(outside, "secret.json"), chatRecording("TOP-SECRET-OUTSIDE-THE-ROOT"));
  const root = makeRoot({ "suite/recordings/chat.json": chatRecording("inside the root") });
  symlinkSync(join(outside, "secret.json"), join(root, "suite", "recordings", "link-out.json"));
  symlinkSync(outside, join(root, "suite", "recordings", "dir-out"));
  return { root, outside };
}

/** Runs git in `dir` with a fixed identity (never in the project's own checkout). */
export function git(dir: string, ...args: string[]): string {
  return execFileSync(
    "git",
    [
      "-c",
      "user.name=Tapedeck Test",
      "-c",
      "user.email=test@example.invalid",
      "-c",
      "commit.gpgsign=false",
      ...args,
    ],
    { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } },
  );
}

/** A root that is a git checkout with two commits of `chat.json` (the reply changes). */
export function gitRoot(): string {
  const root = makeRoot({ "chat.json": chatRecording("first answer") }, "tapedeck-git-");
  git(root, "init", "--quiet", "--initial-branch=main");
  git(root, "add", "chat.json");
  git(root, "commit", "--quiet", "-m", "first");
  writeFile(root, "chat.json", chatRecording("second answer"));
  git(root, "commit", "--quiet", "-am", "second");
  return root;
}
