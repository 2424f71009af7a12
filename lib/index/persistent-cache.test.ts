import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSummaries, saveSummaries } from "./persistent-cache";
import type { RecordingSummary } from "./summary-schema";
import { parseTestId } from "./test-id";
import { summaryOf } from "./testing/summary-builder";

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "tapedeck-persistent-cache-"));
  process.env.TAPEDECK_CACHE_DIR = cacheDir;
});
afterEach(async () => {
  delete process.env.TAPEDECK_CACHE_DIR;
  await rm(cacheDir, { recursive: true, force: true });
});

function summary(relPath: string, testId: string | null, prompt: string): RecordingSummary {
  return summaryOf(relPath, {
    size: 812,
    mtimeMs: 1765000000000.5,
    providerDetail: "api.openai.com",
    model: "gpt-4o",
    testId,
    test: testId === null ? null : parseTestId(testId, "gpt-4o"),
    prompt,
    reply: "Paris.",
  });
}

describe("persistent cache", () => {
  it("gives back every summary as saved: non-ASCII text, derived and other test ids", async () => {
    const root = "/srv/recordings";
    const derived = summary(
      "tests/inference/recordings/a.json",
      "tests/inference/test_chat.py::test_chat[txt=openai/gpt-4o]",
      "Où est la tour Eiffel ? 🗼 « guillemets » \u2028 fin…",
    );
    // A `test` the summary's fields do not give again (another model): kept in the file as is.
    const other = {
      ...summary("tests/inference/recordings/b.json", "tests/x.py::test_b[txt=ollama/llama3.2:3b]", "hi"),
      test: parseTestId("tests/x.py::test_b[txt=ollama/llama3.2:3b]", "llama3.2"),
    };
    const none = summary("tests/inference/recordings/c.json", null, "\ud83d lone surrogate");
    await saveSummaries(root, [derived, other, none]);

    const [file] = await readdir(cacheDir);
    const bytes = await readFile(join(cacheDir, file ?? ""));
    // Written in ASCII; the derived test left out, the other kept.
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(bytes.toString().match(/"functionName"/g)?.length).toBe(1);

    const loaded = await loadSummaries(root);
    expect([...loaded.keys()]).toEqual([derived.relPath, other.relPath, none.relPath]);
    expect(loaded.get(derived.relPath)).toEqual(derived);
    expect(loaded.get(other.relPath)).toEqual(other);
    expect(loaded.get(other.relPath)?.test?.model).toBe("llama3.2");
    expect(loaded.get(none.relPath)).toEqual(none);
    expect(loaded.get(derived.relPath)?.prompt).toBe("Où est la tour Eiffel ? 🗼 « guillemets » \u2028 fin…");
  });

  it("loads nothing for another root", async () => {
    await saveSummaries("/srv/recordings", [summary("a.json", null, "hi")]);
    expect((await loadSummaries("/srv/other")).size).toBe(0);
  });
});
