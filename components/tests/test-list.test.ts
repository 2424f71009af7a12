import { describe, expect, it } from "vitest";
import { parseTestId } from "@/lib/index/test-id";
import { summaryOf } from "@/lib/index/testing/summary-builder";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import { filterTests, listTests } from "./test-list";

function recording(
  relPath: string,
  testId: string | null,
  overrides: Partial<RecordingSummary> = {},
): RecordingSummary {
  return summaryOf(relPath, {
    testId,
    test: testId === null ? null : parseTestId(testId, overrides.model ?? null, relPath),
    ...overrides,
  });
}

const CHAT = "tests/integration/inference/test_chat.py";
const SUMMARIES = [
  recording("inference/recordings/a.json", `${CHAT}::test_hello[txt=ollama/llama3.2:3b]`, {
    provider: "ollama",
    model: "llama3.2:3b",
  }),
  recording("inference/recordings/b.json", `${CHAT}::test_hello[txt=ollama/llama3.2:3b]`, {
    provider: "ollama",
    model: "llama3.2:3b",
  }),
  recording("inference/recordings/c.json", `${CHAT}::test_hello[txt=openai/gpt-4o]`, {
    provider: "openai-compatible",
    model: "gpt-4o",
  }),
  recording("inference/recordings/d.json", `${CHAT}::TestTools::test_weather`, { provider: "unknown" }),
  recording(
    "agents/recordings/e.json",
    "tests/integration/agents/test_agents.py::test_agent[txt=anthropic/claude]",
    {
      provider: "anthropic",
    },
  ),
  recording("go/cassettes/TestClient.yaml", "TestClient/Batch", { provider: "openai-compatible" }),
  recording("misc/recordings/f.json", null),
];

describe("listTests", () => {
  const { tests, files, withoutTest } = listTests(SUMMARIES);

  it("lists every test once, by file then name, with its parametrizations and recordings", () => {
    expect(tests.map((t) => [t.file, t.name, t.base, t.recordings])).toEqual([
      ["go/cassettes", "TestClient/Batch", "TestClient/Batch", 1],
      [
        "tests/integration/agents/test_agents.py",
        "test_agent",
        "tests/integration/agents/test_agents.py::test_agent",
        1,
      ],
      [
        "tests/integration/inference/test_chat.py",
        "TestTools::test_weather",
        `${CHAT}::TestTools::test_weather`,
        1,
      ],
      ["tests/integration/inference/test_chat.py", "test_hello", `${CHAT}::test_hello`, 3],
    ]);
    expect(tests[3]?.parametrizations).toEqual([
      {
        testId: `${CHAT}::test_hello[txt=ollama/llama3.2:3b]`,
        params: "txt=ollama/llama3.2:3b",
        recordings: 2,
      },
      { testId: `${CHAT}::test_hello[txt=openai/gpt-4o]`, params: "txt=openai/gpt-4o", recordings: 1 },
    ]);
    expect(tests[2]?.parametrizations).toEqual([
      { testId: `${CHAT}::TestTools::test_weather`, params: null, recordings: 1 },
    ]);
    expect(files).toBe(3);
    expect(withoutTest).toBe(1);
  });

  it("names the providers its recordings called and its parameters name, never 'unknown'", () => {
    expect(tests.map((t) => t.providers)).toEqual([
      ["openai-compatible"],
      ["anthropic"],
      [],
      ["ollama", "openai", "openai-compatible"],
    ]);
  });

  it("names the providers of every call of a cassette, not only its first call's", () => {
    const base = recording(
      "tests/cassettes/test_route/test_fallback.yaml",
      "tests/test_route.py::test_fallback",
      {
        format: "vcrpy",
        provider: "openai-compatible",
      },
    );
    const first = base.interactions[0];
    if (!first) throw new Error("the summary builder gave no interaction");
    const cassette: RecordingSummary = {
      ...base,
      interactions: [first, { ...first, index: 1, provider: "anthropic" }],
    };
    expect(listTests([cassette]).tests.map((t) => t.providers)).toEqual([["anthropic", "openai-compatible"]]);
  });

  it("filters on every word, in the file, the name, the parameters and the providers", () => {
    const names = (query: string) => filterTests(tests, query).map((t) => t.name);
    expect(names("")).toHaveLength(4);
    expect(names("weather")).toEqual(["TestTools::test_weather"]);
    expect(names("test_chat")).toEqual(["TestTools::test_weather", "test_hello"]);
    expect(names("GPT-4o")).toEqual(["test_hello"]);
    expect(names("anthropic agents")).toEqual(["test_agent"]);
    expect(names("anthropic chat")).toEqual([]);
    expect(names("openai-compatible")).toEqual(["TestClient/Batch", "test_hello"]);
  });
});
