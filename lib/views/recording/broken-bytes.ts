import { open } from "node:fs/promises";

/**
 * The start of a broken file that is not text (a compressed file, or other bytes), shown as a hex
 * dump: as text it would be megabytes of escaped bytes that tell the reader nothing.
 */
export interface BinaryHead {
  /** What the bytes are, from their magic number ("gzip data"), or "binary data". */
  what: string;
  /** Bytes in the file (or in the decompressed text the bytes come from). */
  size: number;
  /** Lines of 16 bytes: offset, hex, and the printable ASCII. */
  hex: string[];
  /** Bytes the dump shows. */
  shown: number;
}

/** Bytes shown in the dump. */
export const HEX_BYTES = 256;
/** Bytes looked at to tell text from binary. */
export const SNIFF_BYTES = 4096;

const MAGIC: { what: string; bytes: number[] }[] = [
  { what: "gzip data", bytes: [0x1f, 0x8b] },
  { what: "zstd data", bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { what: "xz data", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { what: "bzip2 data", bytes: [0x42, 0x5a, 0x68] },
  { what: "zip archive", bytes: [0x50, 0x4b, 0x03, 0x04] },
];

/** Control characters other than tab, line feed, form feed and carriage return (and ESC, in coloured logs). */
function isControl(byte: number): boolean {
  return (
    (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) ||
    byte === 0x7f
  );
}

/** What the bytes are when they are not text, else null: text in any 8-bit encoding stays text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const { what, bytes: magic } of MAGIC) {
    if (magic.every((byte, at) => bytes[at] === byte)) return what;
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return "binary data";
    if (isControl(byte)) control++;
  }
  // Text has a stray control character at most; one byte in ten is not text.
  return head.length > 0 && control * 10 > head.length ? "binary data" : null;
}

const hex2 = (byte: number) => byte.toString(16).padStart(2, "0");

/** `hexdump -C` lines of `bytes`: offset, 16 bytes in two groups of 8, the printable ASCII. */
export function hexDump(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const row = [...bytes.subarray(at, at + 16)];
    const hex = [row.slice(0, 8), row.slice(8)].map((half) => half.map(hex2).join(" ")).join("  ");
    const ascii = row.map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".")).join("");
    lines.push(`${at.toString(16).padStart(8, "0")}  ${hex.padEnd(48)}  |${ascii}|`);
  }
  return lines;
}

/** The dump of the start of `bytes` when they are not text, else null. `size`: of the whole. */
export function binaryHead(bytes: Uint8Array, size: number): BinaryHead | null {
  const what = binaryKind(bytes);
  if (what === null) return null;
  const shown = Math.min(bytes.length, HEX_BYTES);
  return { what, size, hex: hexDump(bytes.subarray(0, shown)), shown };
}

/** The dump of the start of the file at `path` when it is not text; null for text or a file that cannot be read. */
export async function readBinaryHead(path: string): Promise<BinaryHead | null> {
  try {
    const handle = await open(path, "r");
    try {
      const { size } = await handle.stat();
      const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return binaryHead(buffer.subarray(0, bytesRead), size);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** What the page says above the dump. */
export function binaryNote(binary: BinaryHead): string {
  return (
    `The file is ${binary.what} (${binary.size.toLocaleString("en-US")} bytes), not text: ` +
    `its first ${binary.shown.toLocaleString("en-US")} bytes are shown as hex.`
  );
}
