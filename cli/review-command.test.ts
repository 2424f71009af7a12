import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { chatRecording, makeRepo, type TestRepo } from "@/lib/review/fixtures/git-repo";
import { main } from "./main";

const INF = "tests/integration/inference/recordings";
const T = "tests/integration/inference/test_chat.py::";

let repo: TestRepo;
let plain: string;
let out: string[];
let err: string[];

beforeAll(async () => {
  repo = await makeRepo();
  await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, prompt: "A?", reply: "Alpha." }));
  await repo.write(`${INF}/b.json`, chatRecording({ testId: `${T}b`, prompt: "B?", reply: "Beta." }));
  repo.commit("record");
  repo.git("tag", "base");
  // Noise only: a new id and fingerprint.
  await repo.write(
    `${INF}/a.json`,
    chatRecording({ testId: `${T}a`, prompt: "A?", reply: "Alpha.", id: "rec-9", fingerprint: "fp_9" }),
  );
  repo.commit("noise");
  repo.git("tag", "noise");
  await repo.write(
    `${INF}/b.json`,
    chatRecording({ testId: `${T}b`, prompt: "B?", reply: "Beta <script>x</script>." }),
  );
  repo.commit("new reply");
  repo.git("tag", "reply");
  plain = await mkdtemp(join(tmpdir(), "tapedeck-not-git-"));
});

afterAll(async () => {
  await repo.cleanup();
  await rm(plain, { recursive: true, force: true });
});

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void err.push(args.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const review = (...args: string[]) => main(["review", "--repo", repo.dir, ...args]);

describe("tapedeck review", () => {
  it("exits 0 when every change is noise, and prints exactly the documented JSON", async () => {
    expect(await review("--base", "base", "--head", "noise", "--format", "json")).toBe(0);
    const json: unknown = JSON.parse(out.join(""));
    expect(json).toEqual({
      base: "base",
      head: "noise",
      summary: {
        added: 0,
        removed: 0,
        modified: 1,
        renamed: 0,
        copied: 0,
        verdicts: {
          identical: 0,
          noise: 1,
          response: 0,
          request: 0,
          error: 0,
          added: 0,
          removed: 0,
          secret: 0,
        },
      },
      groups: [],
      changes: [
        {
          status: "modified",
          path: `${INF}/a.json`,
          oldPath: null,
          pairedBy: null,
          testId: `${T}a`,
          verdict: "noise",
          summary: expect.stringMatching(/^noise only/),
        },
      ],
    });
  });

  it("exits 1 when a change needs a look; markdown by default, on standard output", async () => {
    expect(await review("--base", "noise", "--head", "reply")).toBe(1);
    const md = out.join("");
    expect(md.startsWith("<!-- tapedeck-review -->\n## ")).toBe(true);
    expect(md).toContain(`${INF}/b.json`);
    expect(md).not.toContain("<script>");
  });

  it("reviews the working tree when --head is left out", async () => {
    await repo.write(`${INF}/c.json`, chatRecording({ testId: `${T}c`, prompt: "C?", reply: "Gamma." }));
    try {
      expect(await review("--base", "reply", "--format", "json")).toBe(1);
      const json: { head: string; changes: { path: string; verdict: string }[] } = JSON.parse(out.join(""));
      expect(json.head).toBe("working tree");
      expect(json.changes).toEqual([expect.objectContaining({ path: `${INF}/c.json`, verdict: "added" })]);
    } finally {
      await rm(join(repo.dir, INF, "c.json"));
    }
  });

  it("--out writes the report to a file and prints only a note", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tapedeck-out-"));
    try {
      const file = join(dir, "sub", "review.html");
      expect(await review("--base", "base", "--head", "reply", "--format", "html", "--out", file)).toBe(1);
      expect(out.join("")).toBe("");
      expect(err.join("\n")).toMatch(/2 changes, 1 to look at; wrote .*review\.html/);
      const html = await readFile(file, "utf8");
      expect(html.startsWith("<!doctype html>")).toBe(true);
      expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");

      const md = join(dir, "review.md");
      expect(
        await review("--base", "base", "--head", "reply", "--out", md, "--link-base", "http://td.example/"),
      ).toBe(1);
      expect(await readFile(md, "utf8")).toContain("(<http://td.example/compare?a=base:");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [["--head", "reply"], /missing --base REV/],
    [["--base", "base", "--format", "yaml"], /unknown format "yaml"/],
    [["--base", "base", "extra"], /unexpected argument: extra/],
    [["--base", "base", "--link-base", "ftp://x"], /--link-base must be an http\(s\) address/],
    [["--base", "-x"], /Option '--base' argument is ambiguous/],
    [["--base=-x"], /refusing revision "-x": it starts with "-"/],
    [["--base", "base", "--head=--output=/tmp/x"], /refusing revision "--output=\/tmp\/x"/],
    [["--base", "no-such-branch"], /unknown revision "no-such-branch"/],
    [["--bogus"], /Unknown option '--bogus'/],
  ])("exits 2 on bad usage or a bad revision: %s", async (args, message) => {
    expect(await review(...args)).toBe(2);
    expect(err.join("\n")).toMatch(message);
    expect(out.join("")).toBe("");
  });

  it("exits 2 with a clear message outside git", async () => {
    expect(await main(["review", "--repo", plain, "--base", "HEAD"])).toBe(2);
    expect(err.join("\n")).toContain(`tapedeck review: ${plain} is not inside a git repository`);
  });

  it("--help prints the usage and exits 0", async () => {
    expect(await main(["review", "--help"])).toBe(0);
    expect(out.join("\n")).toContain("Usage: tapedeck review [--repo DIR] --base REV [--head REV]");
  });
});
