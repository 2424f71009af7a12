import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { readRecording } from "@/lib/recording/read-recording";
import { binaryHead, binaryKind, hexDump, readBinaryHead } from "./broken-bytes";
import { brokenView, readTextHead } from "./broken-view";

const dir = mkdtempSync(join(tmpdir(), "tapedeck-broken-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const LIMITS = { ...DEFAULT_LIMITS, maxDecodedBytes: 1024 * 1024 };

/** A gzip'd cassette that expands past 1 MB of `#` (over `LIMITS`), as a hostile pull request writes it. */
function gzipBombCassette(): Buffer {
  return Buffer.concat([
    gzipSync("interactions:\n- request:\n"),
    gzipSync(Buffer.alloc(4 * 1024 * 1024, "#")),
  ]);
}

describe("binaryKind", () => {
  it("names compressed data by its magic bytes", () => {
    expect(binaryKind(gzipSync("interactions: []\n"))).toBe("gzip data");
    expect(binaryKind(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00]))).toBe("zstd data");
    expect(binaryKind(Buffer.from("BZh91AY&SY"))).toBe("bzip2 data");
    expect(binaryKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe("zip archive");
  });

  it("calls bytes with a NUL or many control characters binary, and keeps 8-bit text as text", () => {
    expect(binaryKind(Buffer.from("interactions:\0\n"))).toBe("binary data");
    expect(binaryKind(Buffer.from([0x01, 0x02, 0x03, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47]))).toBe(
      "binary data",
    );
    expect(binaryKind(Buffer.from("interactions:\n- request:\n\tbody: 'caf\xe9'\r\n", "latin1"))).toBeNull();
    expect(binaryKind(Buffer.from("\x1b[31mred\x1b[0m log line\n"))).toBeNull();
    expect(binaryKind(Buffer.alloc(0))).toBeNull();
  });
});

describe("hexDump", () => {
  it("writes hexdump -C lines: offset, two groups of 8 bytes, printable ASCII", () => {
    expect(hexDump(Buffer.from("interactions:\n- request:\n\x1f\x8b", "latin1"))).toEqual([
      "00000000  69 6e 74 65 72 61 63 74  69 6f 6e 73 3a 0a 2d 20  |interactions:.- |",
      "00000010  72 65 71 75 65 73 74 3a  0a 1f 8b                 |request:...|",
    ]);
  });
});

describe("binaryHead", () => {
  it("dumps at most 256 bytes of a binary file, and nothing of text", () => {
    const bytes = gzipBombCassette();
    const head = binaryHead(bytes, bytes.length);
    expect(head?.what).toBe("gzip data");
    expect(head?.size).toBe(bytes.length);
    expect(head?.shown).toBe(256);
    expect(head?.hex).toHaveLength(16);
    expect(head?.hex[0]?.startsWith("00000000  1f 8b 08 00")).toBe(true);
    expect(binaryHead(Buffer.from("interactions: [\n"), 16)).toBeNull();
  });
});

describe("the broken view of a file that is not text", () => {
  it("shows a gzip bomb as what it is, its size, a short hex dump and the reason: never its bytes as text", async () => {
    const bytes = gzipBombCassette();
    const path = file("bomb.yaml.gz", bytes);
    const read = await readRecording(path, "bomb.yaml.gz", LIMITS);
    expect(read.text).toBeNull();
    const view = brokenView(read, await readTextHead(path), await readBinaryHead(path));
    expect(view).toMatchObject({
      kind: "too-large",
      reason: "the gzip file expands past the 1.0 MB limit; it was not read",
      text: null,
      truncated: false,
      total: bytes.length,
      excerpt: null,
      note: `The file is gzip data (${bytes.length.toLocaleString("en-US")} bytes), not text: its first 256 bytes are shown as hex.`,
    });
    expect(view?.binary?.hex).toHaveLength(16);
    expect(JSON.stringify(view).length).toBeLessThan(4096);
  });

  it("dumps a binary file that is not UTF-8 from the bytes read, and keeps a Latin-1 text as text", async () => {
    const binary = Buffer.concat([
      Buffer.from("interactions:\n"),
      Buffer.from([0xff, 0x00, 0x01, 0x02, 0xfe]),
    ]);
    const view = brokenView(await readRecording(file("binary.yaml", binary), "binary.yaml", LIMITS));
    expect(view?.kind).toBe("invalid-encoding");
    expect(view?.text).toBeNull();
    expect(view?.binary?.hex).toEqual([
      "00000000  69 6e 74 65 72 61 63 74  69 6f 6e 73 3a 0a ff 00  |interactions:...|",
      "00000010  01 02 fe                                          |...|",
    ]);
    const latin1 = Buffer.from("interactions:\n- request:\n    body: 'caf\xe9'\n", "latin1");
    const text = brokenView(await readRecording(file("latin1.yaml", latin1), "latin1.yaml", LIMITS));
    expect(text?.binary).toBeUndefined();
    expect(text?.text).toBe(latin1.toString("latin1"));
  });
});
