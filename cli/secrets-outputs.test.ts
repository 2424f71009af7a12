import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as compareApi } from "@/app/api/compare/route";
import { GET as recordingApi } from "@/app/api/recordings/[...path]/route";
import { loadRawJson } from "@/app/recordings/[...path]/actions";
import { recordingHistory } from "@/lib/diff/history";
import { runScannedQuery, recordingQuerySchema } from "@/lib/index/query";
import { RecordingIndex } from "@/lib/index/recording-index";
import { makeRepo, type TestRepo } from "@/lib/review/fixtures/git-repo";
import { PLANTS, plantCredentials, type Planted } from "@/lib/secrets/testing/plant";
import { main } from "./main";

/**
 * Issue "Secrets": every output of a planted cassette, grepped for the planted value. The base
 * revision holds the cassettes as written, the head the same files with a credential planted in
 * each (a pull request that adds them).
 */
let repo: TestRepo;
let cacheDir: string;
let planted: Planted[];
let out: string[];
const outputs: { name: string; text: string }[] = [];

beforeAll(async () => {
  repo = await makeRepo();
  for (const plant of PLANTS) await repo.write(plant.to, await readFile(plant.from, "utf8"));
  repo.commit("as written");
  repo.git("tag", "base");
  planted = await plantCredentials(repo.dir);
  repo.commit("re-recorded without the filter");
  repo.git("tag", "head");
  process.env.TAPEDECK_ROOT = repo.dir;
  cacheDir = await mkdtemp(join(tmpdir(), "tapedeck-secrets-cache-"));
  process.env.TAPEDECK_CACHE_DIR = cacheDir;
  globalThis.__tapedeckIndex = undefined;
}, 30_000);

afterAll(async () => {
  globalThis.__tapedeckIndex = undefined;
  delete process.env.TAPEDECK_ROOT;
  delete process.env.TAPEDECK_CACHE_DIR;
  await repo.cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

beforeEach(() => {
  out = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a command; keeps what it printed as an output to grep. */
async function run(name: string, ...argv: string[]): Promise<{ code: number; text: string }> {
  out = [];
  const code = await main(argv);
  const text = out.join("\n");
  outputs.push({ name, text });
  return { code, text };
}

const paths = () => [...new Set(planted.map((item) => item.path))];

describe("every output of a planted cassette", () => {
  it("the command line: secrets, check --secrets, show, show --json, diff", async () => {
    expect((await run("secrets", "secrets", repo.dir)).code).toBe(1);
    expect((await run("secrets --json", "secrets", repo.dir, "--json")).code).toBe(1);
    expect((await run("check --secrets", "check", repo.dir, "--secrets", "--json")).code).toBe(1);
    for (const path of paths()) {
      const file = join(repo.dir, path);
      await run(`show ${path}`, "show", file);
      const json = await run(`show --json ${path}`, "show", file, "--json");
      expect(json.code).toBe(0);
      expect(json.text).toContain("[secret ");
      if (!path.endsWith(".json"))
        await run(`show --interaction 0 ${path}`, "show", file, "--json", "--interaction", "0");
      for (const format of [[], ["--json"]]) {
        await run(
          `diff ${path} ${format.join("")}`,
          "diff",
          `base:${path}`,
          `head:${path}`,
          "--repo",
          repo.dir,
          ...format,
        );
      }
    }
    const show = outputs.find((output) => output.name === "show --json vcrpy/openai-chat.yaml");
    expect(show?.text).toContain('{"name":"authorization","value":"Bearer [secret openai: sk-p…aZ]"}');
    // The added header and cookie are noise to the diff: masked there too.
    const diff = outputs.find((output) => output.name === "diff vcrpy/openai-chat.yaml --json");
    expect(diff?.text).toContain(
      '"noise":[{"path":"request.headers.authorization","kind":"added","after":["Bearer [secret openai: sk-p…aZ]"]',
    );
    expect(diff?.text).toContain("[secret session-cookie: ");
  }, 60_000);

  it("the review says `secret` first, in JSON, markdown and HTML", async () => {
    const json = await run(
      "review json",
      "review",
      "--repo",
      repo.dir,
      "--base",
      "base",
      "--head",
      "head",
      "--format",
      "json",
    );
    expect(json.code).toBe(1);
    const review: unknown = JSON.parse(json.text);
    expect(review).toMatchObject({ summary: { verdicts: { secret: paths().length } } });
    const changes = (review as { changes: { verdict: string; path: string; secrets: unknown[] }[] }).changes;
    expect(changes.map((change) => change.verdict)).toEqual(paths().map(() => "secret"));
    const openai = changes.find((change) => change.path === "vcrpy/openai-chat.yaml");
    expect(openai?.secrets).toEqual([
      {
        interaction: 0,
        location: "request header authorization",
        rule: "openai",
        preview: "sk-p…aZ",
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
      {
        interaction: 0,
        location: "response header set-cookie (sessionid)",
        rule: "session-cookie",
        preview: expect.stringMatching(/^.{4}….{2}$/),
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
    const markdown = await run(
      "review markdown",
      "review",
      "--repo",
      repo.dir,
      "--base",
      "base",
      "--head",
      "head",
    );
    const lines = markdown.text.split("\n");
    expect(lines[1]).toMatch(/^## 📼 Tapedeck review: 8 recordings changed, 8 to look at$/);
    expect(lines[3]).toBe(
      "> ⛔ **8 recordings add a credential.** Revoke it, filter it in the recorder and re-record before merging; it is shown masked.",
    );
    await run(
      "review html",
      "review",
      "--repo",
      repo.dir,
      "--base",
      "base",
      "--head",
      "head",
      "--format",
      "html",
    );
  }, 60_000);

  it("the dashboard: list, recording pages' data, raw JSON, the JSON API, compare, history", async () => {
    const index = await RecordingIndex.open({ root: repo.dir, cache: false });
    try {
      const query = recordingQuerySchema.parse({ secrets: "true" });
      expect((await runScannedQuery(index, query)).total).toBe(paths().length);
      expect(await index.secretTotals()).toEqual({ findings: planted.length, files: paths().length });
      outputs.push({ name: "index list", text: JSON.stringify(index.list()) });
      for (const path of paths()) {
        const opened = await index.open(path);
        expect(opened?.secrets.length).toBe(planted.filter((item) => item.path === path).length);
        outputs.push({
          name: `page data ${path}`,
          text: `${opened?.read.text}\n${JSON.stringify(opened?.read.decoded)}`,
        });
      }
    } finally {
      await index.close();
    }
    for (const path of paths()) {
      const response = await recordingApi(new Request(`http://localhost/api/recordings/${path}`), {
        params: Promise.resolve({ path: path.split("/") }),
      });
      const text = await response.text();
      expect(text).toContain('"secrets":[{');
      outputs.push({ name: `GET /api/recordings/${path}`, text });
      outputs.push({ name: `raw ${path}`, text: (await loadRawJson(path)) ?? "" });
      const compare = await compareApi(
        new NextRequest(
          `http://localhost/api/compare?a=${encodeURIComponent(`base:${path}`)}&b=${encodeURIComponent(`head:${path}`)}`,
        ),
      );
      outputs.push({ name: `GET /api/compare ${path}`, text: await compare.text() });
      outputs.push({
        name: `history ${path}`,
        text: JSON.stringify(await recordingHistory(repo.dir, path, "head")),
      });
    }
  }, 60_000);

  it("none of them prints a planted value, in any spelling", () => {
    expect(outputs.length).toBeGreaterThan(50);
    for (const { value } of planted) {
      const spellings = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
      for (const output of outputs) {
        for (const spelling of spellings) {
          if (output.text.includes(spelling)) throw new Error(`${output.name} prints ${value.slice(0, 4)}…`);
        }
      }
    }
  });
});
