import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import type { RecordingFile } from "@/lib/model/recording-file";
import { readRecording } from "@/lib/recording/read-recording";
import { FAKE } from "@/lib/secrets/testing/fake-credentials";
import { BROKEN_TEXT_LIMIT, brokenView, readTextHead } from "./broken-view";

const dir = mkdtempSync(join(tmpdir(), "tapedeck-broken-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("brokenView", () => {
  it("is null for a decoded recording", () => {
    const file: RecordingFile = { format: "llama-stack", test: null, interactions: [], notes: [] };
    expect(brokenView({ size: 2, mtimeMs: 0, text: "{}", decoded: { ok: true, file, raw: {} } })).toBeNull();
  });

  it("shows invalid JSON with its reason, the text, and the lines around the error", async () => {
    const text = '{\n  "request": {},\n  "response": {,\n}\n';
    const view = brokenView(await readRecording(file("bad.json", text)));
    expect(view).toMatchObject({ kind: "invalid-json", text, truncated: false, note: null });
    expect(view?.reason).toMatch(/line 3, column \d+/);
    expect(view?.excerpt?.line).toBe(3);
    expect(view?.excerpt?.lines.map((line) => line.number)).toEqual([1, 2, 3, 4, 5]);
    expect(view?.excerpt?.lines[2]?.text).toBe('  "response": {,');
  });

  it("keeps markup as text (the page escapes it)", async () => {
    const text = '<script>alert("x")</script>';
    const view = brokenView(await readRecording(file("html.json", text)));
    expect(view?.kind).toBe("invalid-json");
    expect(view?.text).toBe(text);
  });

  it("cuts a long text at the limit, with a note", async () => {
    const text = `{"request": ${"x".repeat(BROKEN_TEXT_LIMIT + 500)}`;
    const view = brokenView(await readRecording(file("long.json", text)));
    expect(view?.truncated).toBe(true);
    expect(view?.text?.length).toBe(BROKEN_TEXT_LIMIT);
    expect(view?.total).toBe(text.length);
    expect(view?.note).toMatch(/first 204,800 of 205,312 characters/);
  });

  it("explains an empty file and a valid JSON that is not a recording", async () => {
    expect(brokenView(await readRecording(file("empty.json", "")))).toMatchObject({
      kind: "empty",
      text: "",
    });
    const view = brokenView(await readRecording(file("list.json", "[1, 2]")));
    expect(view?.kind).toBe("not-a-recording");
    expect(view?.excerpt).toBeNull();
  });

  it("shows a file that is not UTF-8 as Latin-1", async () => {
    const view = brokenView(await readRecording(file("latin.json", Buffer.from([0x7b, 0xe9, 0xff, 0x7d]))));
    expect(view).toMatchObject({ kind: "invalid-encoding", text: "{éÿ}" });
    expect(view?.note).toMatch(/not valid UTF-8/);
  });

  it("shows the start of a file over the size limit, without the word the limit cuts", async () => {
    const path = file("huge.json", `{"request": "${"y ".repeat(2500)}"}`);
    const read = await readRecording(path, path, { ...DEFAULT_LIMITS, maxFileBytes: 1000 });
    expect(read.decoded.ok).toBe(false);
    const view = brokenView(read, await readTextHead(path, 100));
    expect(view).toMatchObject({ kind: "too-large", truncated: true, total: read.size });
    // 100 bytes end in "y": the cut word is left out.
    expect(view?.text).toBe(`{"request": "${"y ".repeat(43)}`);
    expect(view?.note).toMatch(/first 99 characters of a 5,015-byte file/);
  });

  it("masks the credentials in the start of a file over the size limit, and a key the limit cuts", async () => {
    const key = FAKE.openai;
    const text = `interactions:\n- request:\n    headers:\n      authorization:\n      - Bearer ${key}\n      x-other:\n      - ${key}\n${"# padding\n".repeat(200)}`;
    const path = file("huge.yaml", text);
    const read = await readRecording(path, path, { ...DEFAULT_LIMITS, maxFileBytes: 1000 });
    expect(read.decoded).toMatchObject({ ok: false, kind: "too-large" });
    const mask = `[secret openai: ${key.slice(0, 4)}…${key.slice(-2)}]`;
    // 600 bytes end in "# p" after 17 padding lines.
    const view = brokenView(read, await readTextHead(path, 600));
    expect(view?.text).toBe(
      `interactions:\n- request:\n    headers:\n      authorization:\n      - Bearer ${mask}\n      x-other:\n      - ${mask}\n${"# padding\n".repeat(17)}# `,
    );
    // A head that ends inside the key: what is left of it is not shown.
    const cutAt = text.indexOf(key) + 40;
    const cut = await readTextHead(path, cutAt);
    expect(cut).toBe(`interactions:\n- request:\n    headers:\n      authorization:\n      - Bearer `);
  });

  it("says so when nothing could be read", async () => {
    const view = brokenView(await readRecording(join(dir, "missing.json")));
    expect(view?.text).toBeNull();
    expect(view?.note).toMatch(/could not be read/);
  });
});
