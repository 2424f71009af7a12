import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { githubBlobUrl, githubFileLink, parseGithubRemote } from "./github-link";

describe("parseGithubRemote", () => {
  it.each([
    ["https://github.com/ogx/llama-stack.git", "ogx", "llama-stack"],
    ["https://github.com/ogx/llama-stack", "ogx", "llama-stack"],
    ["https://user@github.com/ogx/llama-stack/", "ogx", "llama-stack"],
    ["git@github.com:ogx/llama-stack.git", "ogx", "llama-stack"],
    ["ssh://git@github.com/ogx/llama-stack.git", "ogx", "llama-stack"],
    ["ssh://git@github.com:22/ogx/repo.name", "ogx", "repo.name"],
  ])("%s", (url, owner, repo) => {
    expect(parseGithubRemote(url)).toEqual({ owner, repo });
  });

  it.each([
    "https://gitlab.com/a/b.git",
    "git@example.com:a/b.git",
    "https://github.com/only-owner",
    "/tmp/repo",
    "",
  ])("rejects %s", (url) => {
    expect(parseGithubRemote(url)).toBeNull();
  });
});

describe("githubBlobUrl", () => {
  it("escapes each segment", () => {
    expect(githubBlobUrl({ owner: "o", repo: "r" }, "abc", "tests/a b/#1.json")).toBe(
      "https://github.com/o/r/blob/abc/tests/a%20b/%231.json",
    );
  });
});

describe("githubFileLink", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function repo(origin: string | null): { top: string; commit: string } {
    const top = mkdtempSync(join(tmpdir(), "tapedeck-git-"));
    dirs.push(top);
    const git = (...args: string[]) => execFileSync("git", ["-C", top, ...args], { encoding: "utf8" }).trim();
    git("init", "-q");
    if (origin) git("remote", "add", "origin", origin);
    mkdirSync(join(top, "tests", "recordings"), { recursive: true });
    writeFileSync(join(top, "tests", "recordings", "a.json"), "{}");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init");
    return { top, commit: git("rev-parse", "HEAD") };
  }

  it("links a file under a root inside a GitHub checkout", async () => {
    const { top, commit } = repo("git@github.com:ogx/stack.git");
    const link = await githubFileLink(join(top, "tests"), "recordings/a.json");
    expect(link).toBe(`https://github.com/ogx/stack/blob/${commit}/tests/recordings/a.json`);
  });

  it("gives no link without a GitHub origin", async () => {
    const { top } = repo("https://gitlab.com/ogx/stack.git");
    expect(await githubFileLink(top, "tests/recordings/a.json")).toBeNull();
    const bare = repo(null);
    expect(await githubFileLink(bare.top, "tests/recordings/a.json")).toBeNull();
  });

  it("gives no link outside a checkout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tapedeck-nogit-"));
    dirs.push(dir);
    expect(await githubFileLink(dir, "a.json")).toBeNull();
  });
});
