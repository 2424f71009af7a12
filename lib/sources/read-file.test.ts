import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileBytes, readFileBytesNow } from "./read-file";

describe("readFileBytes", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tapedeck-read-file-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a small file (in place) and a large one (in the background) whole", async () => {
    const small = join(dir, "small.json");
    await writeFile(small, '{"request": {}, "response": {"body": null}}');
    const read = await readFileBytes(small, 1024);
    expect(read.failure).toBeNull();
    expect(read.size).toBe(43);
    expect(read.bytes?.toString("utf8")).toBe('{"request": {}, "response": {"body": null}}');

    const large = join(dir, "large.json");
    const text = `"${"x".repeat(5 * 1024 * 1024)}"`;
    await writeFile(large, text);
    const bigRead = await readFileBytes(large, 50 * 1024 * 1024);
    expect(bigRead.failure).toBeNull();
    expect(bigRead.size).toBe(text.length);
    expect(bigRead.bytes?.equals(Buffer.from(text))).toBe(true);
  });

  it("answers a small file in place, without a promise, and a large one with a promise", async () => {
    const small = join(dir, "now-small.json");
    await writeFile(small, '{"a": 1}');
    const read = readFileBytesNow(small, 1024);
    expect(read).not.toBeInstanceOf(Promise);
    expect(read).toEqual({
      size: 8,
      mtimeMs: expect.any(Number),
      bytes: Buffer.from('{"a": 1}'),
      failure: null,
    });

    const large = join(dir, "now-large.json");
    const text = `"${"y".repeat(5 * 1024 * 1024)}"`;
    await writeFile(large, text);
    const pending = readFileBytesNow(large, 50 * 1024 * 1024);
    expect(pending).toBeInstanceOf(Promise);
    const bigRead = await pending;
    expect(bigRead.size).toBe(text.length);
    expect(bigRead.bytes?.equals(Buffer.from(text))).toBe(true);

    const missing = readFileBytesNow(join(dir, "absent.json"), 1024);
    expect(missing).toEqual({
      size: 0,
      mtimeMs: 0,
      bytes: null,
      failure: { kind: "missing", reason: "the file no longer exists" },
    });
  });

  it("refuses a file over the limit and says why", async () => {
    const path = join(dir, "over.json");
    await writeFile(path, "x".repeat(2 * 1024 * 1024));
    const read = await readFileBytes(path, 1024 * 1024);
    expect(read.bytes).toBeNull();
    expect(read.size).toBe(2 * 1024 * 1024);
    expect(read.failure).toEqual({
      kind: "too-large",
      reason: "the file is 2.0 MB, over the 1.0 MB limit; it is listed but not parsed",
    });
  });

  it("reports a missing file and an unreadable one", async () => {
    const missing = await readFileBytes(join(dir, "gone.json"), 1024);
    expect(missing).toEqual({
      size: 0,
      mtimeMs: 0,
      bytes: null,
      failure: { kind: "missing", reason: "the file no longer exists" },
    });
    const folder = await readFileBytes(dir, 1024 * 1024);
    expect(folder.bytes).toBeNull();
    expect(folder.failure?.kind).toBe("unreadable");
    expect(folder.failure?.reason).toMatch(/^the file could not be read: EISDIR/);
  });
});
