import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { readRecording } from "@/lib/recording/read-recording";
import { detectInSource } from "@/lib/secrets/masked-source";
import { RecordingIndex } from "./recording-index";
import { manyCalls } from "./testing/many-calls";

// The real reader and scanner, wrapped so the test can tell whether a file was read or scanned again.
vi.mock("@/lib/recording/read-recording", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/recording/read-recording")>();
  return { ...actual, readRecording: vi.fn(actual.readRecording) };
});
vi.mock("@/lib/secrets/masked-source", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/secrets/masked-source")>();
  return { ...actual, detectInSource: vi.fn(actual.detectInSource) };
});

const BIG = "tests/cassettes/test_many/test_many_calls.yaml";
let root = "";
let cacheDir = "";
let index: RecordingIndex | null = null;

afterEach(async () => {
  await index?.close();
  delete process.env.TAPEDECK_CACHE_DIR;
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

it("opens a file too slow to decode twice from what indexing and the scan made of it", async () => {
  root = await mkdtemp(join(tmpdir(), "tapedeck-kept-"));
  const path = join(root, ...BIG.split("/"));
  await mkdir(dirname(path), { recursive: true });
  // 10,000 calls: slow enough to decode that indexing keeps what it decoded.
  await writeFile(path, manyCalls(10_000));
  index = await RecordingIndex.open({ root, cache: false });
  await index.secretsScanned();
  vi.mocked(readRecording).mockClear();
  vi.mocked(detectInSource).mockClear();

  const opened = await index.open(BIG);
  expect(opened?.read.decoded.ok).toBe(true);
  expect(opened?.secrets).toEqual([]);
  expect(vi.mocked(readRecording).mock.calls).toEqual([]);
  expect(vi.mocked(detectInSource).mock.calls).toEqual([]);
  expect(await index.open(BIG)).toBe(opened);
});

it("after a restart (summaries from the cache, nothing decoded), opens such a file in the background", async () => {
  root = await mkdtemp(join(tmpdir(), "tapedeck-kept-"));
  cacheDir = await mkdtemp(join(tmpdir(), "tapedeck-kept-cache-"));
  process.env.TAPEDECK_CACHE_DIR = cacheDir;
  const path = join(root, ...BIG.split("/"));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, manyCalls(10_000));
  const first = await RecordingIndex.open({ root, cache: true });
  // Scanned, so that the cache holds its fingerprints and the restart has nothing to scan.
  await first.secretsScanned();
  await first.close();
  vi.mocked(readRecording).mockClear();

  index = await RecordingIndex.open({ root, cache: true });
  expect(vi.mocked(readRecording).mock.calls).toEqual([]);
  await index.idle();
  expect(vi.mocked(readRecording).mock.calls.map(([file]) => file)).toEqual([path]);
  vi.mocked(readRecording).mockClear();
  expect((await index.open(BIG))?.read.decoded.ok).toBe(true);
  expect(vi.mocked(readRecording).mock.calls).toEqual([]);
});

it("shares one opening between calls made while a file is being opened", async () => {
  root = await mkdtemp(join(tmpdir(), "tapedeck-kept-"));
  const path = join(root, "tests", "cassettes", "test_a.yaml");
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, manyCalls(3));
  index = await RecordingIndex.open({ root, cache: false });
  await index.idle();
  await writeFile(path, manyCalls(4));
  vi.mocked(readRecording).mockClear();
  const [a, b] = await Promise.all([
    index.open("tests/cassettes/test_a.yaml"),
    index.open("tests/cassettes/test_a.yaml"),
  ]);
  expect(a).toBe(b);
  expect(vi.mocked(readRecording).mock.calls.map(([file]) => file)).toEqual([path]);
});
