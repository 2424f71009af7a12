import { afterEach, describe, expect, it, vi } from "vitest";
import { BadRevision } from "@/lib/git/revision";
import { buildReview } from "./build-review";
import { chatRecording, makeRepo, type TestRepo } from "./fixtures/git-repo";

const INF = "tests/integration/inference/recordings";
const AGENTS = "tests/integration/agents/recordings";
const T = "tests/integration/inference/test_chat.py::";

/** A long reply of distinct words, so git's rename detection sees two versions as different files. */
function essay(seed: string, words = 400): string {
  return Array.from({ length: words }, (_, i) => `${seed}${(i * 7919) % 1000}`).join(" ");
}

let repo: TestRepo;
afterEach(async () => {
  await repo?.cleanup();
});

const byPath = (review: Awaited<ReturnType<typeof buildReview>>, path: string) => {
  const change = review.changes.find((c) => c.path === path);
  if (!change) throw new Error(`no change for ${path}: ${review.changes.map((c) => c.path).join(", ")}`);
  return change;
};

describe("buildReview", () => {
  it("gives modified recordings the diff's verdict: noise and response", async () => {
    repo = await makeRepo();
    await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, reply: "Hello, Ada!" }));
    await repo.write(`${INF}/b.json`, chatRecording({ testId: `${T}b`, reply: "Bonjour." }));
    const base = repo.commit("record");
    await repo.write(
      `${INF}/a.json`,
      chatRecording({ testId: `${T}a`, reply: "Hello, Ada!", id: "rec-ffff", fingerprint: "fp_2" }),
    );
    await repo.write(`${INF}/b.json`, chatRecording({ testId: `${T}b`, reply: "Bonsoir." }));
    const head = repo.commit("re-record");

    const review = await buildReview({ repo: repo.dir, base, head });
    expect(byPath(review, `${INF}/a.json`)).toMatchObject({
      status: "modified",
      verdict: "noise",
      oldPath: null,
      pairedBy: null,
    });
    const b = byPath(review, `${INF}/b.json`);
    expect(b).toMatchObject({ status: "modified", verdict: "response", testId: `${T}b`, suite: "inference" });
    expect(b.text).toEqual({ before: "Bonjour.", after: "Bonsoir." });
    expect(review.summary).toMatchObject({ modified: 2, verdicts: { noise: 1, response: 1 } });
    // Substantive changes come first.
    expect(review.changes.map((c) => c.verdict)).toEqual(["response", "noise"]);
  });

  it("keeps git's renames, paired by git", async () => {
    repo = await makeRepo();
    const tools = chatRecording({ testId: `${T}tools`, reply: essay("w") });
    await repo.write(`${INF}/tools.json`, tools);
    const base = repo.commit("record");
    await repo.remove(`${INF}/tools.json`);
    await repo.write(`${AGENTS}/tools.json`, tools);
    const head = repo.commit("move");

    const review = await buildReview({ repo: repo.dir, base, head });
    expect(review.changes).toHaveLength(1);
    expect(review.changes[0]).toMatchObject({
      status: "renamed",
      path: `${AGENTS}/tools.json`,
      oldPath: `${INF}/tools.json`,
      pairedBy: "git",
      verdict: "identical",
    });
    expect(review.groups[0]).toBeUndefined();
  });

  it("pairs a delete and an add of the same test id under a new name (pairedBy test)", async () => {
    repo = await makeRepo();
    const testId = `${T}test_weather`;
    await repo.write(
      `${INF}/1111.json`,
      chatRecording({ testId, prompt: "Weather in Paris?", reply: essay("sun") }),
    );
    await repo.write(
      `${INF}/other.json`,
      chatRecording({ testId: `${T}other`, prompt: "Other?", reply: essay("x") }),
    );
    const base = repo.commit("record");
    await repo.remove(`${INF}/1111.json`);
    await repo.write(
      `${INF}/2222.json`,
      chatRecording({ testId, prompt: "Weather in Paris?", reply: essay("rain"), temperature: 0 }),
    );
    const head = repo.commit("re-record with temperature 0");

    const review = await buildReview({ repo: repo.dir, base, head });
    expect(review.changes).toHaveLength(1);
    expect(review.changes[0]).toMatchObject({
      status: "renamed",
      path: `${INF}/2222.json`,
      oldPath: `${INF}/1111.json`,
      pairedBy: "test",
      testId,
      verdict: "request",
    });
    expect(review.summary).toMatchObject({ renamed: 1, added: 0, removed: 0 });
  });

  it("reports an added file whose request was already recorded in base as a copy (pairedBy request)", async () => {
    repo = await makeRepo();
    const shared = { prompt: "What is 2 + 2?", reply: "4" };
    await repo.write(
      `tests/integration/common/recordings/shared.json`,
      chatRecording({ testId: null, ...shared }),
    );
    const base = repo.commit("shared recordings");
    await repo.write(`${INF}/per-test.json`, chatRecording({ testId: `${T}test_math`, ...shared }));
    const head = repo.commit("split per test");

    const review = await buildReview({ repo: repo.dir, base, head });
    expect(review.changes).toHaveLength(1);
    expect(review.changes[0]).toMatchObject({
      status: "copied",
      path: `${INF}/per-test.json`,
      oldPath: "tests/integration/common/recordings/shared.json",
      pairedBy: "request",
    });
    expect(["identical", "noise", "request"]).toContain(review.changes[0]?.verdict);
    expect(review.summary.copied).toBe(1);
  });

  it("reviews the working tree as head: an uncommitted change and an untracked recording", async () => {
    repo = await makeRepo();
    await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, reply: "One." }));
    await repo.write("README.md", "not a recording\n");
    const base = repo.commit("record");
    await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, reply: "Two." }));
    await repo.write(
      `${INF}/new.json`,
      chatRecording({ testId: `${T}new`, prompt: "New?", reply: essay("n") }),
    );

    const review = await buildReview({ repo: repo.dir, base, head: null });
    expect(review.head).toBe("working tree");
    expect(byPath(review, `${INF}/a.json`)).toMatchObject({ status: "modified", verdict: "response" });
    expect(byPath(review, `${INF}/new.json`)).toMatchObject({
      status: "added",
      verdict: "added",
      oldPath: null,
    });
    expect(review.changes).toHaveLength(2);
  });

  it("reads the working tree from the repository top when given a folder inside it", async () => {
    repo = await makeRepo();
    await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, reply: "One." }));
    const base = repo.commit("record");
    await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, reply: "Two." }));
    await repo.write(
      `${AGENTS}/new.json`,
      chatRecording({ testId: `${T}new`, prompt: "New?", reply: essay("n") }),
    );

    const review = await buildReview({ repo: `${repo.dir}/tests/integration/inference`, base, head: null });
    expect(byPath(review, `${INF}/a.json`).verdict).toBe("response");
    expect(byPath(review, `${AGENTS}/new.json`).verdict).toBe("added");
  });

  it("refuses a revision that starts with '-' and an unknown one", async () => {
    repo = await makeRepo();
    await repo.write(`${INF}/a.json`, chatRecording());
    repo.commit("record");
    await expect(buildReview({ repo: repo.dir, base: "-x", head: "HEAD" })).rejects.toBeInstanceOf(
      BadRevision,
    );
    await expect(
      buildReview({ repo: repo.dir, base: "HEAD", head: "--output=/tmp/x" }),
    ).rejects.toBeInstanceOf(BadRevision);
    await expect(buildReview({ repo: repo.dir, base: "no-such-branch", head: null })).rejects.toThrow(
      /unknown revision/,
    );
  });

  it("groups the same change repeated: one model change in three files is one group of 3", async () => {
    repo = await makeRepo();
    for (const name of ["a", "b", "c"]) {
      await repo.write(
        `${INF}/${name}.json`,
        chatRecording({ testId: `${T}${name}`, prompt: `Prompt ${name}` }),
      );
    }
    await repo.write(`${INF}/d.json`, chatRecording({ testId: `${T}d`, prompt: "Prompt d", reply: "Old." }));
    const base = repo.commit("record");
    for (const name of ["a", "b", "c"]) {
      await repo.write(
        `${INF}/${name}.json`,
        chatRecording({ testId: `${T}${name}`, prompt: `Prompt ${name}`, model: "qwen3:0.6b" }),
      );
    }
    await repo.write(`${INF}/d.json`, chatRecording({ testId: `${T}d`, prompt: "Prompt d", reply: "New." }));
    const head = repo.commit("switch model");

    const review = await buildReview({ repo: repo.dir, base, head });
    const group = review.groups.find((g) => g.title.includes("llama3.2:3b → qwen3:0.6b"));
    expect(group).toBeDefined();
    expect(group?.count).toBe(3);
    expect([...(group?.paths ?? [])].sort()).toEqual([`${INF}/a.json`, `${INF}/b.json`, `${INF}/c.json`]);
    expect(review.groups.every((g) => !g.paths.includes(`${INF}/d.json`) || g.count < 3)).toBe(true);
  });

  it("does not read a blob past TAPEDECK_MAX_FILE_MB: the change is an error with the reason", async () => {
    repo = await makeRepo();
    await repo.write(`${INF}/big.json`, chatRecording({ testId: `${T}big`, reply: essay("a") }));
    await repo.write(`${INF}/small.json`, chatRecording({ testId: `${T}small`, reply: "Hi." }));
    const base = repo.commit("record");
    await repo.write(`${INF}/big.json`, chatRecording({ testId: `${T}big`, reply: essay("b") }));
    await repo.write(`${INF}/small.json`, chatRecording({ testId: `${T}small`, reply: "Hello." }));
    const head = repo.commit("re-record");
    const size = (rev: string) => Number(repo.git("cat-file", "-s", `${rev}:${INF}/big.json`).trim());
    const small = Number(repo.git("cat-file", "-s", `${head}:${INF}/small.json`).trim());
    // The limit sits between the small recording and the large one.
    const limitBytes = Math.round(0.002 * 1024 * 1024);
    expect(small).toBeLessThan(limitBytes);
    expect(size(base)).toBeGreaterThan(limitBytes);
    vi.stubEnv("TAPEDECK_MAX_FILE_MB", "0.002");
    try {
      const review = await buildReview({ repo: repo.dir, base, head });
      expect(byPath(review, `${INF}/big.json`)).toMatchObject({
        verdict: "error",
        summary: `cannot compare: the file is ${(size(base) / 1024).toFixed(1)} KB in git, over the 2.0 KB limit (TAPEDECK_MAX_FILE_MB); it was not read`,
      });
      expect(byPath(review, `${INF}/small.json`)).toMatchObject({ verdict: "response" });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
