import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { chatRecording, makeRepo, type TestRepo } from "@/lib/review/fixtures/git-repo";
import { badRevision, requestedRevisions } from "./revision-status";

let repo: TestRepo;
let plain: string;

beforeAll(async () => {
  repo = await makeRepo();
  await repo.write("recordings/a.json", chatRecording());
  repo.commit("record");
  repo.git("tag", "v1");
  plain = await mkdtemp(join(tmpdir(), "tapedeck-not-git-"));
});

afterAll(async () => {
  await repo.cleanup();
  await rm(plain, { recursive: true, force: true });
});

const params = (query: string) => new URLSearchParams(query);

describe("requestedRevisions", () => {
  it("reads /review's base and head and /compare's git sides, nothing elsewhere", () => {
    expect(requestedRevisions("/review", params("base=main&head=%20v1%20"))).toEqual(["main", "v1"]);
    expect(requestedRevisions("/review", params("base=main&head="))).toEqual(["main"]);
    expect(requestedRevisions("/review", params(""))).toEqual([]);
    expect(requestedRevisions("/compare", params("a=v1:a.json&b=a.json"))).toEqual(["v1"]);
    expect(requestedRevisions("/compare", params("a=-x:a.json&b=HEAD~1:b.json"))).toEqual(["-x", "HEAD~1"]);
    expect(requestedRevisions("/recordings", params("base=-x"))).toEqual([]);
  });
});

describe("badRevision", () => {
  const env = () => ({ TAPEDECK_ROOT: join(repo.dir, "recordings") });

  it("names a refused or unknown revision, and passes the good ones", async () => {
    expect(await badRevision("/review", params("base=v1"), env())).toBeNull();
    expect(await badRevision("/review", params("base=v1&head=HEAD"), env())).toBeNull();
    expect(await badRevision("/review", params("base=nope"), env())).toBe('unknown revision "nope"');
    expect(await badRevision("/review", params("base=v1&head=nope"), env())).toBe('unknown revision "nope"');
    expect(await badRevision("/review", params("base=--output=x"), env())).toBe(
      'refusing revision "--output=x": it starts with "-"',
    );
    expect(await badRevision("/compare", params("a=v1:a.json&b=nope:a.json"), env())).toBe(
      'unknown revision "nope"',
    );
    expect(await badRevision("/compare", params("a=a.json&b=v1:a.json"), env())).toBeNull();
  });

  it("does not ask git again for a revision it found in the last ten seconds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      repo.git("tag", "v2");
      expect(await badRevision("/review", params("base=v2"), env())).toBeNull();
      repo.git("tag", "-d", "v2");
      expect(await badRevision("/review", params("base=v2"), env())).toBeNull();
      vi.setSystemTime(Date.now() + 10_001);
      expect(await badRevision("/review", params("base=v2"), env())).toBe('unknown revision "v2"');
    } finally {
      vi.useRealTimers();
    }
  });

  it("leaves the page to explain when git is off or the root is not in git", async () => {
    expect(await badRevision("/review", params("base=nope"), { ...env(), TAPEDECK_GIT: "off" })).toBeNull();
    expect(await badRevision("/review", params("base=nope"), { TAPEDECK_ROOT: plain })).toBeNull();
  });
});
