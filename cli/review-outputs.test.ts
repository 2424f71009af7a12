import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { chatRecording, makeRepo, type TestRepo } from "@/lib/review/fixtures/git-repo";
import { REVIEW_MARKER } from "@/lib/review/markdown";
import { main } from "./main";

const INF = "tests/integration/inference/recordings";
const AGENTS = "tests/integration/agents/recordings";
const T = "tests/integration/inference/test_chat.py::";

let repo: TestRepo;
let out: string;
let stderr: string[];

beforeAll(async () => {
  repo = await makeRepo();
  await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, prompt: "A?", reply: "Alpha." }));
  await repo.write(`${AGENTS}/b.json`, chatRecording({ testId: `${T}b`, prompt: "B?", reply: "Beta." }));
  repo.commit("record");
  repo.git("tag", "base");
  await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, prompt: "A?", reply: "Alpha, again." }));
  await repo.write(
    `${AGENTS}/b.json`,
    chatRecording({ testId: `${T}b`, prompt: "B?", reply: "Beta, again." }),
  );
  // Untracked, in the working tree: an added recording in each folder.
  await repo.write(`${INF}/c.json`, chatRecording({ testId: `${T}c`, prompt: "C?", reply: "Gamma." }));
  await repo.write(`${AGENTS}/d.json`, chatRecording({ testId: `${T}d`, prompt: "D?", reply: "Delta." }));
});

afterAll(() => repo.cleanup());

beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), "tapedeck-review-out-"));
  stderr = [];
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => stderr.push(args.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  return async () => {
    vi.restoreAllMocks();
    await rm(out, { recursive: true, force: true });
  };
});

const reviewJson = z.object({ changes: z.array(z.object({ path: z.string(), verdict: z.string() })) });
const changes = async (file: string) =>
  reviewJson.parse(JSON.parse(await readFile(file, "utf8"))).changes.map((c) => `${c.path} ${c.verdict}`);

describe("tapedeck review --out, repeated", () => {
  it("writes every format from one review, each by its file's extension", async () => {
    const files = ["r.md", "r.json", "r.html"].map((name) => join(out, name));
    const code = await main([
      "review",
      "--repo",
      repo.dir,
      "--base",
      "base",
      ...files.flatMap((f) => ["--out", f]),
    ]);
    expect(code).toBe(1);
    const [md = "", json = "", html = ""] = files;
    expect((await readFile(md, "utf8")).startsWith(REVIEW_MARKER)).toBe(true);
    expect(await changes(json)).toEqual([
      `${AGENTS}/b.json response`,
      `${INF}/a.json response`,
      `${AGENTS}/d.json added`,
      `${INF}/c.json added`,
    ]);
    expect(await readFile(html, "utf8")).toMatch(/^<!doctype html>/i);
    expect(stderr).toEqual([`tapedeck review: 4 changes, 4 to look at; wrote ${files.join(", ")}`]);
  });

  it("refuses --format with several files", async () => {
    const code = await main([
      "review",
      "--repo",
      repo.dir,
      "--base",
      "base",
      "--format",
      "json",
      "--out",
      "a",
      "--out",
      "b",
    ]);
    expect(code).toBe(2);
    expect(stderr[0]).toMatch(
      /^tapedeck review: --format applies to one --out file; give several without it/,
    );
  });
});

describe("tapedeck review --path", () => {
  const review = (...args: string[]) => main(["review", "--repo", repo.dir, "--base", "base", ...args]);

  it("reviews only the recordings under the pathspecs, untracked ones included", async () => {
    const json = join(out, "r.json");
    expect(await review("--path", AGENTS, "--out", json)).toBe(1);
    expect(await changes(json)).toEqual([`${AGENTS}/b.json response`, `${AGENTS}/d.json added`]);
    expect(await review("--path", `${INF}/*.json`, "--out", json)).toBe(1);
    expect(await changes(json)).toEqual([`${INF}/a.json response`, `${INF}/c.json added`]);
    expect(await review("--path", "nowhere", "--path", `${AGENTS}/d.json`, "--out", json)).toBe(1);
    expect(await changes(json)).toEqual([`${AGENTS}/d.json added`]);
    expect(await review("--path", "nowhere", "--out", json)).toBe(0);
    expect(await changes(json)).toEqual([]);
  });
});
