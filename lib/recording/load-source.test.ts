import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { SourceError } from "@/lib/sources/side-source";
import { readGitSource } from "./load-source";

let dir: string;

const CASSETTE = `---
version: 2
interactions:
    - id: 0
      request:
        body: ""
        url: https://api.example.com/v1/models
        method: GET
      response:
        body: '{"data":[]}'
        headers:
            Content-Type:
                - application/json
        status: 200 OK
        code: 200
        duration: 12ms
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tapedeck-load-source-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", ...args]);
  git("init", "-q");
  writeFileSync(join(dir, "models.yaml"), CASSETTE);
  git("add", "-A");
  git("commit", "-q", "-m", "record");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readGitSource", () => {
  it("reads and decodes a cassette within the limit", async () => {
    const loaded = await readGitSource(dir, "HEAD", "models.yaml", DEFAULT_LIMITS);
    expect(loaded.label).toBe("HEAD:models.yaml");
    expect(loaded.text).toBe(CASSETTE);
    expect(loaded.decoded.ok && loaded.decoded.file.interactions.length).toBe(1);
  });

  it("refuses a blob past maxFileBytes by its size, before reading it", async () => {
    const loaded = await readGitSource(dir, "HEAD", "models.yaml", { ...DEFAULT_LIMITS, maxFileBytes: 100 });
    expect(loaded).toEqual({
      label: "HEAD:models.yaml",
      text: null,
      decoded: {
        ok: false,
        kind: "too-large",
        reason: `the file is ${CASSETTE.length} bytes in git, over the 100 bytes limit (TAPEDECK_MAX_FILE_MB); it was not read`,
        raw: undefined,
        startsLikeRecording: true,
      },
    });
  });

  it("says a path that is not there, or a folder, is no file", async () => {
    await expect(readGitSource(dir, "HEAD", "other.yaml", DEFAULT_LIMITS)).rejects.toThrow(
      new SourceError("no file other.yaml at HEAD"),
    );
    await expect(readGitSource(dir, "nope", "models.yaml", DEFAULT_LIMITS)).rejects.toThrow(SourceError);
  });
});
