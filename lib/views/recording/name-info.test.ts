import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryOf } from "@/lib/index/testing/summary-builder";
import { fileNameInfo } from "@/lib/recording/name-check";
import { hashNamedRecording } from "@/lib/recording/testing/hash-named";
import { readRecording } from "@/lib/recording/read-recording";
import { scanAndMask } from "@/lib/secrets/masked-source";
import { FAKE } from "@/lib/secrets/testing/fake-credentials";
import { recordingNameInfo } from "./name-info";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tapedeck-name-info-"));
  await mkdir(join(root, "recordings"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("recordingNameInfo", () => {
  it("checks the name against the file as written, not the masked text the page holds", async () => {
    const { fileName, text } = hashNamedRecording({ api_key: FAKE.openai });
    const relPath = `recordings/${fileName}`;
    await writeFile(join(root, relPath), text);
    const info = await stat(join(root, relPath));
    const summary = summaryOf(relPath, { size: info.size, mtimeMs: info.mtimeMs });
    expect(await recordingNameInfo(root, summary)).toEqual({
      scheme: "hash-64",
      nameHash: fileName.slice(0, 64),
      computedHash: fileName.slice(0, 64),
      matches: true,
      basis: "{method, endpoint, body, test_id}",
    });
    // What the page holds is masked: the name cannot be checked on it.
    const { source } = await scanAndMask(await readRecording(join(root, relPath), relPath));
    expect(source.text).not.toContain(FAKE.openai);
    expect(fileNameInfo(fileName, source.text ?? "").matches).toBe(false);
  });

  it("answers null for a file that cannot be read", async () => {
    expect(
      await recordingNameInfo(root, summaryOf("recordings/gone.json", { size: 1, mtimeMs: 1 })),
    ).toBeNull();
  });
});
