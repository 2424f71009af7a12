import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { answerFailures, failuresOf } from "./answer";
import type { CatalogEntry } from "./catalog-entry";
import { parseGivenRequest } from "./given-request";
import { matchRequest, testLevel } from "./match";
import { answerJson } from "./match-json";
import { RequestCatalog } from "./request-catalog";
import { candidateVerdict } from "./verdict";

const ROOT = fileURLToPath(new URL("./fixtures/root", import.meta.url));
const INFERENCE = "tests/integration/inference/recordings";
const WEATHER_1 = `${INFERENCE}/56c8f49cdcf93df76f4d917c00947457db071f66f9acc1759333cae3e4439821.json`;
const WEATHER_2 = `${INFERENCE}/e5be02dc43908a42307f2b4d81998f1ae12014e7e1b066a89a179f7a3300bdd7.json`;
const HELLO = `${INFERENCE}/80962ed0d6b06c6259d865b6f0e940b34f3c6da969ded8a397bbda5151d6fb5c.json`;
const CASSETTE = "tests/models/cassettes/test_openai/test_request_simple_success.yaml";
const TEST = "tests/integration/inference/test_openai_completion.py";

let entries: CatalogEntry[];

/** A recording of the fixture root, as a request file holds it: the whole envelope. */
function recording(relPath: string): {
  test_id: string;
  request: { url: string; body: Record<string, unknown> };
} {
  return JSON.parse(readFileSync(`${ROOT}/${relPath}`, "utf8"));
}

async function match(request: unknown, options: Parameters<typeof parseGivenRequest>[1] = {}) {
  const text = typeof request === "string" ? request : JSON.stringify(request);
  return matchRequest(entries, parseGivenRequest(text, options));
}

beforeAll(async () => {
  entries = (await RequestCatalog.openDirectory(ROOT, { cache: false })).entries();
});

describe("matching a request", () => {
  it("finds the recording itself, exact, its name carrying the request's hash", async () => {
    const answer = await match(recording(WEATHER_1));
    expect(answer.exact).toBe(true);
    expect(answer.requestHash).toBe("56c8f49cdcf93df76f4d917c00947457db071f66f9acc1759333cae3e4439821");
    const [best, second] = answer.candidates;
    expect(best).toMatchObject({ score: 1, hashMatches: true, exact: true, differences: [], testLevel: 3 });
    expect(best?.entry.path).toBe(WEATHER_1);
    // The test's other call comes next: same test, same endpoint and model.
    expect(second?.entry.path).toBe(WEATHER_2);
    expect(second?.exact).toBe(false);
  });

  it("ranks the original first when the body changed, and names the field", async () => {
    const changed = recording(WEATHER_1);
    changed.request.body.temperature = 0.2;
    const answer = await match(changed);
    expect(answer.exact).toBe(false);
    const [best] = answer.candidates;
    expect(best?.entry.path).toBe(WEATHER_1);
    expect(best?.hashMatches).toBe(false);
    expect(best?.differences).toEqual([
      { path: "body.temperature", kind: "changed", before: 0.0001, after: 0.2, noise: false },
    ]);
    expect(answerJson(answer).candidates[0]).toEqual({
      path: WEATHER_1,
      interaction: null,
      score: 0.999,
      hash_matches: false,
      differences: [{ path: "body.temperature", kind: "changed", before: 0.0001, after: 0.2 }],
    });
  });

  it("ranks the original first when the test id changed, and says only the test id moved", async () => {
    const renamed = recording(HELLO);
    renamed.test_id = `${TEST}::test_chat_greeting[txt=ollama/llama3.2:3b-instruct-fp16]`;
    const answer = await match(renamed);
    const [best] = answer.candidates;
    expect(best?.entry.path).toBe(HELLO);
    expect(best?.testLevel).toBe(1);
    expect(best?.differences.map((d) => [d.path, d.kind])).toEqual([["test_id", "changed"]]);
    expect(best && candidateVerdict(best, true)).toBe(
      "The body is equal: only test_id moved, which changes the hash.",
    );
  });

  it("ranks the original first when the URL path changed", async () => {
    const moved = recording(HELLO);
    moved.request.url = "http://0.0.0.0:11434/v1/openai/v1/chat/completions";
    const answer = await match(moved);
    const [best] = answer.candidates;
    expect(best?.entry.path).toBe(HELLO);
    expect(best?.differences).toEqual([
      {
        path: "endpoint",
        kind: "changed",
        before: "/v1/v1/chat/completions",
        after: "/v1/openai/v1/chat/completions",
        noise: false,
      },
    ]);
  });

  it("applies the recorder's normalization: a float's sixth place is no change", async () => {
    const close = recording(WEATHER_1);
    close.request.body.temperature = 0.000100001;
    const answer = await match(close);
    expect(answer.candidates[0]).toMatchObject({ exact: true, hashMatches: true, differences: [] });
  });

  it("checks each name with its own test id when the request names none", async () => {
    const { request } = recording(HELLO);
    const answer = await match(request);
    expect(answer.candidates[0]).toMatchObject({ exact: true, hashMatches: true });
    expect(answer.notes[0]).toMatch(/names no test/);
  });

  it("matches a bare HTTP body against a cassette's interactions", async () => {
    const body = JSON.stringify({
      model: "gpt-4o",
      messages: [{ role: "user", content: "hello" }],
      stream: false,
      temperature: 0.2,
    });
    const answer = await match(body, {
      url: "https://api.openai.com/v1/chat/completions",
      test: "tests/models/test_openai.py::test_request_simple_success",
    });
    const [best] = answer.candidates;
    expect(best?.entry.path).toBe(CASSETTE);
    expect(best?.entry.interaction).toBe(0);
    expect(best?.hashMatches).toBeNull();
    expect(best?.differences).toEqual([
      { path: "body.temperature", kind: "added", before: undefined, after: 0.2, noise: false },
    ]);
    expect(answerJson(answer).candidates[0]?.differences).toEqual([
      { path: "body.temperature", kind: "added", before: null, after: 0.2 },
    ]);
  });
});

describe("answering a test log", () => {
  const log = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

  it("answers each llama-stack failure: the body moved, or the test id did", async () => {
    const answers = await answerFailures(entries, failuresOf(log("llama-stack-replay.log")));
    expect(answers).toHaveLength(3);
    const [weather, greeting, search] = answers.map((a) => a.answer);
    expect(weather?.requestHash).toBe("350058b29938570e7533a9fcb233e96f51cbf2bd302c893d352e088296c1637f");
    expect(
      weather?.candidates
        .slice(0, 2)
        .map((c) => c.entry.path)
        .sort(),
    ).toEqual([WEATHER_1, WEATHER_2].sort());
    const top = weather?.candidates[0];
    expect(top?.differences).toEqual([]);
    expect(top && candidateVerdict(top, false)).toBe(
      "Method, URL path, model and test agree, yet the hash differs: the request body moved.",
    );
    expect(weather?.exact).toBe(false);
    // The renamed test has no recording: those of its test file, with its model, come first.
    expect(greeting?.candidates[0]?.testLevel).toBe(1);
    expect(greeting?.candidates[0]?.differences.map((d) => d.path)).toEqual(["test_id"]);
    expect(search?.given.parts).toMatchObject({
      shape: "tool",
      provider: "tavily-search",
      toolName: "web_search",
    });
  });

  it("takes a vcrpy failure to its cassette", async () => {
    const [simple] = await answerFailures(entries, failuresOf(log("vcrpy-replay.log")));
    const candidates = simple?.answer.candidates ?? [];
    expect(candidates.slice(0, 2).map((c) => [c.entry.path, c.entry.interaction, c.testLevel])).toEqual([
      [CASSETTE, 0, 3],
      [CASSETTE, 1, 3],
    ]);
    expect(candidates[0]?.differences).toEqual([]);
  });

  it("says so when a recording carries the hash the error names", async () => {
    const text = `E   RuntimeError: Recording not found for request hash: 80962ed0d6b06c6259d865b6f0e940b34f3c6da969ded8a397bbda5151d6fb5c
E   Model: llama3.2:3b-instruct-fp16 | Request: POST http://0.0.0.0:11434/v1/v1/chat/completions`;
    const [found] = await answerFailures(entries, failuresOf(text));
    expect(found?.answer.candidates[0]).toMatchObject({ hashMatches: true, exact: true });
    expect(found?.answer.candidates[0]?.entry.path).toBe(HELLO);
    expect(found?.answer.notes.some((note) => note.startsWith("A recording named for the hash"))).toBe(true);
  });
});

describe("testLevel", () => {
  it("grades tests: same, same function, same file, other", () => {
    const id = `${TEST}::test_chat_hello[txt=a]`;
    expect(testLevel(id, id)).toBe(3);
    expect(testLevel("test_chat_hello[txt=a]", id)).toBe(3);
    expect(testLevel(`${TEST}::test_chat_hello[txt=b]`, id)).toBe(2);
    expect(testLevel(`${TEST}::test_other`, id)).toBe(1);
    expect(testLevel("tests/x.py::test_chat_hello", id)).toBe(0);
    expect(testLevel(null, id)).toBe(0);
  });
});
