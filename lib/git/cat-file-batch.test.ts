import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobTooLarge, CatFileBatch } from "./cat-file-batch";

let dir: string;
let commit: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tapedeck-cat-file-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
      encoding: "utf8",
    });
  git("init", "-q");
  writeFileSync(join(dir, "small.yaml"), "interactions: []\n");
  writeFileSync(join(dir, "large.yaml"), `interactions:\n${"  - {}\n".repeat(40_000)}`);
  mkdirSync(join(dir, "folder"));
  writeFileSync(join(dir, "folder", "inner.txt"), "x");
  git("add", "-A");
  git("commit", "-q", "-m", "files");
  commit = git("rev-parse", "HEAD").trim();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("CatFileBatch", () => {
  it("gives a blob past the limit as its size alone, and keeps answering the others in order", async () => {
    const batch = new CatFileBatch(dir, 1000);
    try {
      const [small, large, missing, folder, again] = await Promise.all([
        batch.readBlob(`${commit}:small.yaml`),
        batch.readBlob(`${commit}:large.yaml`),
        batch.readBlob(`${commit}:nothing.yaml`),
        batch.readBlob(`${commit}:folder`),
        batch.readBlob(`${commit}:small.yaml`),
      ]);
      expect(small).toEqual({ kind: "blob", bytes: Buffer.from("interactions: []\n") });
      expect(large).toEqual({ kind: "too-large", size: 14 + 40_000 * 7, maxBytes: 1000 });
      expect(missing).toEqual({ kind: "missing" });
      expect(folder).toEqual({ kind: "missing" });
      expect(again).toEqual(small);
    } finally {
      batch.close();
    }
  });

  it("refuses the large blob with a reason when read as bytes", async () => {
    const batch = new CatFileBatch(dir, 1000);
    try {
      const error = await batch.read(`${commit}:large.yaml`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BlobTooLarge);
      expect((error as Error).message).toBe(
        `${commit}:large.yaml: the file is 273.5 KB in git, over the 1000 bytes limit (TAPEDECK_MAX_FILE_MB); it was not read`,
      );
      expect((await batch.read(`${commit}:small.yaml`))?.toString("utf8")).toBe("interactions: []\n");
      expect(await batch.read(`${commit}:nothing.yaml`)).toBeNull();
    } finally {
      batch.close();
    }
  });

  it("reads a blob that arrives in several chunks whole", async () => {
    const batch = new CatFileBatch(dir, 1 << 20);
    try {
      const large = await batch.read(`${commit}:large.yaml`);
      expect(large?.length).toBe(14 + 40_000 * 7);
      expect(large?.toString("utf8").split("\n").length).toBe(40_002);
    } finally {
      batch.close();
    }
  });
});

describe("CatFileBatch outside a repository", () => {
  it("rejects every read with what git said", async () => {
    const outside = mkdtempSync(join(tmpdir(), "tapedeck-no-repo-"));
    const batch = new CatFileBatch(outside, 1000);
    try {
      const error = await batch.readBlob("HEAD:a.yaml").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^git cat-file exited \(128\): fatal: not a git repository/);
    } finally {
      batch.close();
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
