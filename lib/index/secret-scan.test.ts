import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chatRecording } from "@/lib/recording/testing/recording-builders";
import { ALLOW_FILE } from "@/lib/secrets/allow-list";
import { secretFingerprint } from "@/lib/secrets/finding";
import { FAKE } from "@/lib/secrets/testing/fake-credentials";
import { recordingQuerySchema, runQuery, runScannedQuery } from "./query";
import { RecordingIndex } from "./recording-index";

const LEAKY = "tests/integration/inference/recordings/leaky.json";
const TWO = "tests/integration/inference/recordings/two.json";
const CLEAN = "tests/integration/inference/recordings/clean.json";

let root: string;
let cacheDir: string;
const indexes: RecordingIndex[] = [];
const savedCacheDir = process.env.TAPEDECK_CACHE_DIR;

async function put(relPath: string, content: string): Promise<void> {
  const path = join(root, ...relPath.split("/"));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

async function openIndex(cache = false): Promise<RecordingIndex> {
  const index = await RecordingIndex.open({ root, cache });
  indexes.push(index);
  return index;
}

const query = (secrets: "true" | "false") => recordingQuerySchema.parse({ secrets, sort: "path" });

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "tapedeck-scan-"));
  cacheDir = await mkdtemp(join(tmpdir(), "tapedeck-scan-cache-"));
  process.env.TAPEDECK_CACHE_DIR = cacheDir;
  await put(
    LEAKY,
    chatRecording({ testId: "t::leaky", prompt: `My key is ${FAKE.openai}, keep it` }, "Noted."),
  );
  await put(
    TWO,
    chatRecording({ testId: "t::two", prompt: "Which tokens?" }, `${FAKE.github} and ${FAKE.anthropic}`),
  );
  await put(CLEAN, chatRecording({ testId: "t::clean", prompt: "Hello" }, "Hi there."));
});

afterEach(async () => {
  await Promise.all(indexes.splice(0).map((index) => index.close()));
  await rm(root, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  if (savedCacheDir === undefined) delete process.env.TAPEDECK_CACHE_DIR;
  else process.env.TAPEDECK_CACHE_DIR = savedCacheDir;
});

describe("RecordingIndex credentials scan (after indexing, in the background)", () => {
  it("scans a file that changes after the first indexing at once: its excerpt is never unmasked", async () => {
    const index = await openIndex();
    await index.secretsScanned();
    await put(CLEAN, chatRecording({ testId: "t::clean", prompt: `Use ${FAKE.openai} now` }, "Hi there."));
    await index.refresh();
    const summary = index.get(CLEAN);
    expect(summary?.prompt).not.toContain(FAKE.openai);
    expect(summary?.prompt).toMatch(/^Use \[secret openai: sk-.…..\] now$/);
    expect(summary && index.secretCount(summary)).toBe(1);
  });

  it("opens before the scan, and counts exactly once it has run", async () => {
    const index = await openIndex();
    // Indexing does not scan: the files are listed, their credentials not yet counted.
    expect(index.secretsKnown).toBe(false);
    const leaky = index.get(LEAKY);
    expect(leaky && index.secretCount(leaky)).toBeNull();

    expect(await index.secretTotals()).toEqual({ findings: 3, files: 2 });
    expect(index.secretsKnown).toBe(true);
    const counts = index.list().map((summary) => [summary.relPath, index.secretCount(summary)]);
    expect(counts).toEqual([
      [CLEAN, 0],
      [LEAKY, 1],
      [TWO, 2],
    ]);
  });

  it("masks the excerpts of a file that holds a credential once scanned, in the list and the search", async () => {
    const index = await openIndex();
    index.searchIndex();
    await index.secretsScanned();
    const leaky = index.get(LEAKY);
    expect(leaky?.prompt).toBe(
      `My key is [secret openai: ${FAKE.openai.slice(0, 4)}…${FAKE.openai.slice(-2)}], keep it`,
    );
    expect(leaky?.secrets).toEqual([secretFingerprint(FAKE.openai)]);
    expect(index.get(TWO)?.reply).not.toContain(FAKE.github);
    expect(index.get(CLEAN)?.prompt).toBe("Hello");
    expect(index.get(CLEAN)?.secrets).toEqual([]);
    expect(JSON.stringify(index.list())).not.toContain(FAKE.openai);
    expect(index.search("noted")).toEqual([LEAKY]);
  });

  it("filters on credentials: partial and marked so before the scan, exact after", async () => {
    const index = await openIndex();
    const early = runQuery(index, query("true"));
    expect(early.scanning).toBe(true);
    expect(early.items).toEqual([]);

    const found = await runScannedQuery(index, query("true"));
    expect(found.scanning).toBeUndefined();
    expect(found.items.map((summary) => summary.relPath)).toEqual([LEAKY, TWO]);
    expect(found.total).toBe(2);
    expect(runQuery(index, query("false")).items.map((summary) => summary.relPath)).toEqual([CLEAN]);
    // The list without the filter is never marked.
    expect(runQuery(index, recordingQuerySchema.parse({})).scanning).toBeUndefined();
  });

  it("applies the allow-list to the counts and the filter", async () => {
    await writeFile(join(root, ALLOW_FILE), `${secretFingerprint(FAKE.openai)}\n`);
    const index = await openIndex();
    expect(await index.secretTotals()).toEqual({ findings: 2, files: 1 });
    const found = await runScannedQuery(index, query("true"));
    expect(found.items.map((summary) => summary.relPath)).toEqual([TWO]);
  });

  it("keeps the fingerprints in the persistent cache: a restart needs no scan", async () => {
    const first = await openIndex(true);
    await first.secretsScanned();
    await first.close();

    const second = await openIndex(true);
    expect(second.secretsKnown).toBe(true);
    expect(second.get(LEAKY)?.secrets).toEqual([secretFingerprint(FAKE.openai)]);
    expect(await second.secretTotals()).toEqual({ findings: 3, files: 2 });
  });

  it("scans a file added by a refresh", async () => {
    const index = await openIndex();
    await index.secretsScanned();
    await put(
      "tests/integration/inference/recordings/new.json",
      chatRecording({ testId: "t::new", prompt: `token ${FAKE.github}` }, "ok"),
    );
    await index.refresh();
    // Scanned with the refresh itself, not left to the background.
    expect(index.secretsKnown).toBe(true);
    expect(await index.secretTotals()).toEqual({ findings: 4, files: 3 });
  });
});
