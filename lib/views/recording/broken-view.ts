import { open } from "node:fs/promises";
import type { FailureKind } from "@/lib/model/failure";
import type { ReadRecording } from "@/lib/recording/read-recording";
import { detectSecretsInText } from "@/lib/secrets/detect";
import { maskText } from "@/lib/secrets/mask";
import { binaryHead, binaryNote, SNIFF_BYTES, type BinaryHead } from "./broken-bytes";

/** The raw text of a broken file is shown up to this many characters. */
export const BROKEN_TEXT_LIMIT = 200 * 1024;
const EXCERPT_CONTEXT = 2;

export interface ExcerptLine {
  number: number;
  text: string;
}

export interface BrokenView {
  kind: FailureKind;
  reason: string;
  /** The file's text (up to the limit), or null when it could not be read at all. */
  text: string | null;
  truncated: boolean;
  /** Characters of the whole text (or bytes of the file when it was not read). */
  total: number;
  /** Why the text is missing or cut, for the reader. */
  note: string | null;
  /** The lines around the position the reason names (`line L, column C`), when it names one. */
  excerpt: { line: number; column: number; lines: ExcerptLine[] } | null;
  /** The start of a file that is not text, as hex (its `text` is then null). */
  binary?: BinaryHead;
}

/** Cuts at `limit` characters without splitting a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

function excerptAt(text: string, reason: string): BrokenView["excerpt"] {
  const match = /line (\d+), column (\d+)/.exec(reason);
  if (!match) return null;
  const line = Number(match[1]);
  const column = Number(match[2]);
  const all = text.split("\n", line + EXCERPT_CONTEXT);
  if (line < 1 || line > all.length) return null;
  const first = Math.max(1, line - EXCERPT_CONTEXT);
  const lines = all.slice(first - 1).map((lineText, i) => ({ number: first + i, text: cut(lineText, 500) }));
  return { line, column, lines };
}

/**
 * What the page of a file that could not be decoded shows: the failure kind, the reason and the
 * raw text (plain, cut at the limit with a note). `head` is the start of the file for failures
 * where the text was never read (a file over the size limit). `binary` is the start of such a
 * file when it is not text (a gzip bomb): shown as hex instead. Null for a decoded file.
 */
export function brokenView(
  read: ReadRecording,
  head: string | null = null,
  binary: BinaryHead | null = null,
): BrokenView | null {
  const { decoded } = read;
  if (decoded.ok) return null;
  // Bytes read as Latin-1 (a file that is not UTF-8) are the file's bytes: binary ones are dumped.
  const bytes =
    binary ??
    (decoded.kind === "invalid-encoding" && read.text !== null
      ? binaryHead(Buffer.from(read.text.slice(0, SNIFF_BYTES), "latin1"), read.size)
      : null);
  if (bytes) {
    const note = binaryNote(bytes);
    return {
      kind: decoded.kind,
      reason: decoded.reason,
      text: null,
      truncated: false,
      total: bytes.size,
      note,
      excerpt: null,
      binary: bytes,
    };
  }
  const full = read.text ?? head;
  if (full === null) {
    return {
      kind: decoded.kind,
      reason: decoded.reason,
      text: null,
      truncated: false,
      total: read.size,
      note: "The file's text could not be read.",
      excerpt: null,
    };
  }
  const text = cut(full, BROKEN_TEXT_LIMIT);
  const truncated = read.text === null || text.length < full.length;
  const note = truncated
    ? read.text === null
      ? `Showing the first ${text.length.toLocaleString("en-US")} characters of a ${read.size.toLocaleString("en-US")}-byte file.`
      : `Showing the first ${text.length.toLocaleString("en-US")} of ${full.length.toLocaleString("en-US")} characters.`
    : decoded.kind === "invalid-encoding"
      ? "The file is not valid UTF-8; it is shown as Latin-1."
      : null;
  return {
    kind: decoded.kind,
    reason: decoded.reason,
    text,
    truncated,
    total: read.text === null ? read.size : full.length,
    note,
    excerpt: excerptAt(full, decoded.reason),
  };
}

/** A run of the characters keys and tokens are made of, at the end of a text. */
const TRAILING_TOKEN = /[\w+/=.~%-]+$/;

/**
 * The first `bytes` of a file as text (lossy UTF-8), every credential in it masked, or null when
 * it cannot be read. Such a file was too large to be read and scanned whole, so its head is
 * scanned here; where the head cuts the file, the word it cuts is left out, since the start of a
 * key is no longer recognised as one.
 */
export async function readTextHead(path: string, bytes = BROKEN_TEXT_LIMIT): Promise<string | null> {
  let head: string;
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      const text = buffer.subarray(0, bytesRead).toString("utf8");
      head = bytesRead === bytes ? text.replace(TRAILING_TOKEN, "") : text;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  return maskText(head, await detectSecretsInText(head));
}
