import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "./main";

const ROOT = fileURLToPath(new URL("../lib/match/fixtures/root", import.meta.url));
const LOG = fileURLToPath(new URL("../lib/match/fixtures/llama-stack-replay.log", import.meta.url));
const HELLO =
  "tests/integration/inference/recordings/80962ed0d6b06c6259d865b6f0e940b34f3c6da969ded8a397bbda5151d6fb5c.json";

let work: string;
let exactFile: string;
let changedFile: string;
const savedCache = process.env.TAPEDECK_CACHE_DIR;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "tapedeck-match-cli-"));
  process.env.TAPEDECK_CACHE_DIR = join(work, "cache");
  const recording = JSON.parse(await readFile(join(ROOT, HELLO), "utf8"));
  exactFile = join(work, "exact.json");
  await writeFile(exactFile, JSON.stringify(recording));
  changedFile = join(work, "changed.json");
  const { method, url, body } = recording.request;
  await writeFile(changedFile, JSON.stringify({ method, url, body: { ...body, max_tokens: 64 } }));
});

afterAll(async () => {
  if (savedCache === undefined) delete process.env.TAPEDECK_CACHE_DIR;
  else process.env.TAPEDECK_CACHE_DIR = savedCache;
  await rm(work, { recursive: true, force: true });
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

describe("tapedeck match", () => {
  it("exits 0 on an exact match and prints the JSON the issue asks for", async () => {
    expect(await main(["match", exactFile, "--root", ROOT, "--json", "--limit", "2"])).toBe(0);
    const answer = JSON.parse(stdout());
    expect(Object.keys(answer)).toEqual(["request_hash", "candidates"]);
    expect(answer.request_hash).toBe("80962ed0d6b06c6259d865b6f0e940b34f3c6da969ded8a397bbda5151d6fb5c");
    expect(answer.candidates).toHaveLength(2);
    expect(answer.candidates[0]).toEqual({
      path: join(ROOT, HELLO),
      interaction: null,
      score: 1,
      hash_matches: true,
      differences: [],
    });
  });

  it("exits 1 without one, naming what differs in the text output", async () => {
    const test =
      "tests/integration/inference/test_openai_completion.py::test_chat_hello[txt=ollama/llama3.2:3b-instruct-fp16]";
    expect(await main(["match", changedFile, "--root", ROOT, "--test", test])).toBe(1);
    const text = stdout();
    expect(text).toContain("No exact match.");
    expect(text).toContain(`1. ${join(ROOT, HELLO)}  score 0.999 · same test`);
    expect(text).toContain("name does not carry the request's hash");
    expect(text).toContain("body.max_tokens added: 64");
  });

  it("exits 2 on bad input", async () => {
    const notJson = join(work, "not.json");
    await writeFile(notJson, "model=gpt-4o");
    expect(await main(["match", notJson, "--root", ROOT])).toBe(2);
    expect(stderr()).toContain("the request is not JSON");
    expect(await main(["match", join(work, "missing.json"), "--root", ROOT])).toBe(2);
    expect(await main(["match", "--from-error", exactFile, "--root", ROOT])).toBe(2);
    expect(stderr()).toContain("no replay failure found in the text");
    expect(await main(["match", exactFile, "--method", "GET"])).toBe(2);
  });

  it("answers each failure of a log, as a JSON list", async () => {
    expect(await main(["match", "--from-error", LOG, "--root", ROOT, "--json"])).toBe(1);
    const answers = JSON.parse(stdout());
    expect(answers.map((a: { failure: { kind: string } }) => a.failure.kind)).toEqual([
      "llama-stack",
      "llama-stack",
      "llama-stack-tool",
    ]);
    expect(answers[0].request_hash).toBe("350058b29938570e7533a9fcb233e96f51cbf2bd302c893d352e088296c1637f");
    expect(answers[0].failure.test).toBe(
      "tests/integration/inference/test_openai_completion.py::test_chat_weather[txt=ollama/llama3.2:3b-instruct-fp16]",
    );
    expect(answers[0].candidates[0].differences).toEqual([]);
  });
});

describe("tapedeck check --drift", () => {
  it("adds drift groups, stale names and orphans to the check object, and exits 1 only with --strict", async () => {
    expect(await main(["check", ROOT, "--drift", "--json"])).toBe(0);
    const report = JSON.parse(stdout());
    expect(report.drift).toEqual([
      {
        test: "tests/integration/responses/test_file_search.py::test_file_search_by_region[openai_client-txt=openai/gpt-4o]",
        paths: [
          join(
            ROOT,
            "tests/integration/responses/recordings/2dbbc7863e43b979085f9ee70703a27de132c0dfb9dda367cc918c2529c49c16.json",
          ),
          join(
            ROOT,
            "tests/integration/responses/recordings/b9af0e41de760683799b1ee135eb2f2ebeb6f44b90f4ba9b85540b6857b617e7.json",
          ),
        ],
        fields: ["body.messages[2].content[1].text"],
      },
    ]);
    expect(report.stale_names).toEqual([
      {
        path: join(
          ROOT,
          "tests/integration/inference/recordings/8e229ca51eb766cfc4fe5934edd57ea0f97c2bb4bd135ee6bd8c3ee07a1ddf26.json",
        ),
        name_hash: "8e229ca51eb766cfc4fe5934edd57ea0f97c2bb4bd135ee6bd8c3ee07a1ddf26",
        content_hash: "4eab33b3b7dc7c06bd85595a3b0bc8124f93289e46abc93aeaa5bd315633f9da",
      },
    ]);
    expect(report.orphans).toEqual([]);
    out.length = 0;
    expect(await main(["check", ROOT, "--drift", "--strict"])).toBe(1);
    expect(stdout()).toContain("       1  drift groups");
    expect(stdout()).toContain("orphans not checked (the checkout's test sources are not present)");
    out.length = 0;
    expect(await main(["check", ROOT, "--json"])).toBe(0);
    expect(JSON.parse(stdout())).not.toHaveProperty("drift");
  });
});
