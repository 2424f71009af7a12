import type { HttpHeader } from "@/lib/model/recording-file";

/**
 * Raw HTTP/1.1-style messages as byte-oriented recorders (httprr) keep them: a start line, header
 * lines, a blank line, the body bytes. Lines end in `\r\n`, but a recorder that rewrites headers
 * with a regular expression may leave a bare `\n`, so both are accepted.
 */

export interface RawMessage {
  /** The first line without its line end (`POST https://... HTTP/1.1`, `HTTP/2.0 200 OK`). */
  startLine: string;
  headers: HttpHeader[];
  body: Uint8Array;
  /** Set when the head has no blank line: everything after the start line was read as headers. */
  unterminated: boolean;
}

const text = new TextDecoder("utf-8");
const LF = 0x0a;
const CR = 0x0d;

/** The line from `start` to the next LF (without `\r\n` or `\n`) and where the next line starts. */
function lineAt(bytes: Uint8Array, start: number): { line: string; next: number } {
  const lf = bytes.indexOf(LF, start);
  const end = lf === -1 ? bytes.length : lf;
  const cut = end > start && bytes[end - 1] === CR ? end - 1 : end;
  return { line: text.decode(bytes.subarray(start, cut)), next: lf === -1 ? bytes.length : lf + 1 };
}

/** Splits a message into its start line, headers (recorded case and order) and body bytes. */
export function splitMessage(bytes: Uint8Array): RawMessage {
  const first = lineAt(bytes, 0);
  const headers: HttpHeader[] = [];
  let at = first.next;
  while (at < bytes.length) {
    const { line, next } = lineAt(bytes, at);
    at = next;
    if (line === "") return { startLine: first.line, headers, body: bytes.subarray(at), unterminated: false };
    const colon = line.indexOf(":");
    // A line without a colon is kept whole as a name: it is shown, not dropped.
    if (colon === -1) headers.push({ name: line.trim(), value: "" });
    else headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { startLine: first.line, headers, body: bytes.subarray(bytes.length), unterminated: true };
}

export interface Dechunked {
  bytes: Uint8Array;
  /** Why the framing could not be undone to the end (what was read is kept), else null. */
  problem: string | null;
}

/**
 * Undoes `Transfer-Encoding: chunked` framing (`<hex size>[;ext]\r\n<data>\r\n ... 0\r\n\r\n`),
 * stopping at `maxBytes` of output. Trailers after the last chunk are ignored.
 */
export function dechunk(bytes: Uint8Array, maxBytes: number): Dechunked {
  const parts: Uint8Array[] = [];
  let total = 0;
  let at = 0;
  const done = (problem: string | null): Dechunked => ({ bytes: Buffer.concat(parts, total), problem });
  for (let index = 0; ; index++) {
    if (at >= bytes.length)
      return done(`the chunked body ends before its last (empty) chunk, after ${index} chunks`);
    const { line, next } = lineAt(bytes, at);
    const hex = (line.split(";")[0] ?? "").trim();
    if (!/^[0-9a-fA-F]{1,12}$/.test(hex)) {
      return done(
        `chunk ${index} of the chunked body has no size line (found ${JSON.stringify(line.slice(0, 40))})`,
      );
    }
    const size = parseInt(hex, 16);
    if (size === 0) return done(null);
    if (next + size > bytes.length) {
      return done(
        `chunk ${index} of the chunked body declares ${size} bytes but ${bytes.length - next} remain`,
      );
    }
    if (total + size > maxBytes) {
      return done(
        `the chunked body is over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit; it was cut there`,
      );
    }
    parts.push(bytes.subarray(next, next + size));
    total += size;
    at = next + size;
    // The data ends in CRLF (a bare LF is tolerated, like the header lines).
    if (bytes[at] === CR && bytes[at + 1] === LF) at += 2;
    else if (bytes[at] === LF) at += 1;
    else if (at < bytes.length)
      return done(`chunk ${index} of the chunked body is not followed by a line end`);
  }
}

/** True when a `Transfer-Encoding` header lists `chunked`. */
export function isChunked(headers: readonly HttpHeader[]): boolean {
  return headers.some(
    (header) => header.name.toLowerCase() === "transfer-encoding" && /\bchunked\b/i.test(header.value),
  );
}
