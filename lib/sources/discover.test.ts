import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { discoverRecordings } from "./discover";

/** Folders whose listing fails as if they vanished mid-walk. */
const vanished = vi.hoisted(() => new Set<string>());

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const readdir = ((path: string, options: unknown) =>
    vanished.has(String(path))
      ? Promise.reject(
          Object.assign(new Error(`ENOENT: no such file or directory, scandir '${String(path)}'`), {
            code: "ENOENT",
          }),
        )
      : (actual.readdir as (p: string, o: unknown) => Promise<unknown>)(
          path,
          options,
        )) as typeof actual.readdir;
  return { ...actual, readdir, default: { ...actual, readdir } };
});

const temps: string[] = [];

async function tempDir(prefix = "tapedeck-discover-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Writes each file (creating folders); the content does not matter to discovery. */
async function tree(root: string, files: string[]): Promise<void> {
  for (const file of files) {
    const path = join(root, ...file.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, "{}");
  }
}

afterEach(async () => {
  vanished.clear();
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("discoverRecordings", () => {
  it("in a checkout, counts only .json files below folders named recordings", async () => {
    const root = await tempDir();
    await tree(root, [
      "package.json",
      "tests/integration/inference/test_config.json",
      "tests/integration/inference/recordings/b2.json",
      "tests/integration/inference/recordings/a1.json",
      "tests/integration/common/recordings/models-0123456789ab-01234567.json",
      "tests/integration/recordings/responses/abcdef012345.json",
      "tests/integration/recordings/vision/responses/0123456789ab.json",
      "tests/integration/recordings/index.sqlite",
      "tests/integration/inference/recordings/notes.md",
      "node_modules/pkg/recordings/ignored.json",
      ".git/recordings/ignored.json",
      "tests/integration/inference/recordings/node_modules/ignored.json",
    ]);
    const found = await discoverRecordings(root);
    expect(found.map((file) => file.relPath)).toEqual([
      "tests/integration/common/recordings/models-0123456789ab-01234567.json",
      "tests/integration/inference/recordings/a1.json",
      "tests/integration/inference/recordings/b2.json",
      "tests/integration/recordings/responses/abcdef012345.json",
      "tests/integration/recordings/vision/responses/0123456789ab.json",
    ]);
    for (const file of found) expect(file.path).toBe(join(root, ...file.relPath.split("/")));
  });

  it("in a plain folder, counts every .json file", async () => {
    const root = await tempDir();
    await tree(root, ["b.json", "a.json", "sub/c.json", "sub/deeper/d.json", "notes.txt", "x.json.bak"]);
    const found = await discoverRecordings(root);
    expect(found.map((file) => file.relPath)).toEqual([
      "a.json",
      "b.json",
      "sub/c.json",
      "sub/deeper/d.json",
    ]);
  });

  it("never enters node_modules or .git, and a recordings folder inside them changes nothing", async () => {
    const root = await tempDir();
    await tree(root, [
      "a.json",
      "node_modules/x.json",
      "node_modules/pkg/recordings/y.json",
      ".git/z.json",
      ".git/recordings/w.json",
      "sub/node_modules/v.json",
      "sub/.git/u.json",
    ]);
    const found = await discoverRecordings(root);
    expect(found.map((file) => file.relPath)).toEqual(["a.json"]);
  });

  it("is given a recordings folder itself: every .json file below it counts", async () => {
    const root = await tempDir();
    await tree(root, ["recordings/x.json", "recordings/sub/y.json"]);
    const found = await discoverRecordings(join(root, "recordings"));
    expect(found.map((file) => file.relPath)).toEqual(["sub/y.json", "x.json"]);
  });

  it("follows a link to a file inside the root and skips links that leave it, dangle or name a folder", async () => {
    const outside = await tempDir("tapedeck-outside-");
    await tree(outside, ["secret.json"]);
    const root = await tempDir();
    await tree(root, ["data/real.json", "..dotted.json", "folder/inner.json"]);
    await symlink(join(root, "data", "real.json"), join(root, "inside-link.json"));
    await symlink(join(root, "..dotted.json"), join(root, "dotted-link.json"));
    await symlink(join(outside, "secret.json"), join(root, "outside-link.json"));
    await symlink(join(root, "missing.json"), join(root, "dangling.json"));
    await symlink(join(root, "folder"), join(root, "folder-link.json"));
    await symlink(join(root, "loop-b.json"), join(root, "loop-a.json"));
    await symlink(join(root, "loop-a.json"), join(root, "loop-b.json"));
    // A linked folder is not entered (only files are followed).
    await symlink(outside, join(root, "linked-dir"));

    const found = await discoverRecordings(root);
    expect(found.map((file) => file.relPath)).toEqual([
      "..dotted.json",
      "data/real.json",
      "dotted-link.json",
      "folder/inner.json",
      "inside-link.json",
    ]);
    // The link keeps its own path (the index reads through it).
    expect(found.find((file) => file.relPath === "inside-link.json")?.path).toBe(
      join(root, "inside-link.json"),
    );
  });

  it("returns relPaths sorted by code unit with forward slashes", async () => {
    const root = await tempDir();
    await tree(root, ["b/a.json", "a-b.json", "a/b.json", "B.json", "a.json"]);
    const found = await discoverRecordings(root);
    expect(found.map((file) => file.relPath)).toEqual([
      "B.json",
      "a-b.json",
      "a.json",
      "a/b.json",
      "b/a.json",
    ]);
    for (const file of found) expect(file.relPath).not.toContain("\\");
  });

  it("skips a folder that vanishes during the walk instead of failing the whole walk", async () => {
    const root = await tempDir();
    await tree(root, ["a.json", "gone/b.json", "kept/c.json"]);
    vanished.add(join(root, "gone"));
    const found = await discoverRecordings(root);
    expect(found.map((file) => file.relPath)).toEqual(["a.json", "kept/c.json"]);
  });

  it("returns nothing for an empty folder and rejects a missing root", async () => {
    const root = await tempDir();
    expect(await discoverRecordings(root)).toEqual([]);
    await expect(discoverRecordings(join(root, "missing"))).rejects.toThrow(/ENOENT/);
  });
});
