import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { readRecording, readRecordingNow } from "./read-recording";
import { chatRecording } from "./testing/recording-builders";

describe("readRecordingNow", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tapedeck-read-recording-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("decodes a small file in place, exactly as readRecording does", async () => {
    const path = join(dir, "chat.json");
    const text = chatRecording({ testId: "tests/t.py::test_a", prompt: "Capital of France?" }, "Paris.");
    await writeFile(path, text);
    const now = readRecordingNow(path, "chat.json", DEFAULT_LIMITS);
    expect(now).not.toBeInstanceOf(Promise);
    expect(now).toEqual(await readRecording(path, "chat.json", DEFAULT_LIMITS));
    if (now instanceof Promise || !now.decoded.ok) throw new Error("expected a decoded file");
    expect(now.text).toBe(text);
    expect(now.decoded.file.test).toBe("tests/t.py::test_a");
    const exchange = now.decoded.file.interactions[0]?.exchange;
    expect(exchange?.response.type === "message" && exchange.response.choices[0]?.content).toBe("Paris.");
  });

  it("answers a missing file in place, with its failure", () => {
    expect(readRecordingNow(join(dir, "absent.json"), "absent.json", DEFAULT_LIMITS)).toEqual({
      size: 0,
      mtimeMs: 0,
      text: null,
      decoded: {
        ok: false,
        kind: "missing",
        reason: "the file no longer exists",
        raw: undefined,
        startsLikeRecording: true,
      },
    });
  });

  it("reads a file past the in-place size with a promise, decoded alike", async () => {
    const path = join(dir, "large.json");
    const reply = "word ".repeat(1024 * 1024);
    await writeFile(path, chatRecording({ testId: null, prompt: "Long?" }, reply));
    const pending = readRecordingNow(path, "large.json", DEFAULT_LIMITS);
    expect(pending).toBeInstanceOf(Promise);
    const read = await pending;
    if (!read.decoded.ok) throw new Error("expected a decoded file");
    const exchange = read.decoded.file.interactions[0]?.exchange;
    expect(exchange?.response.type === "message" && exchange.response.choices[0]?.content).toBe(reply);
  });
});
