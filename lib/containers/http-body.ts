import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { EventStreamCodec } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/core/serde";
import type { HeaderMap } from "@/lib/model/envelope";
import type { EventStreamMessage } from "@/lib/model/http-body";
import type { ReadLimits } from "@/lib/model/limits";
import type { HttpHeader } from "@/lib/model/recording-file";
import { mayNestDeeperThan, valueDeeperThan } from "@/lib/model/json-depth";
import { cutStream } from "./stream-cut";

/**
 * Turns a recorded HTTP body into the form the providers read (see `lib/model/http-body.ts`):
 * content encodings undone (by `content-encoding` or by magic bytes), AWS eventstream split into
 * messages, JSON parsed, other text kept as a string, other bytes kept as base64. Every step is
 * bounded by the limits; a body that cannot be decoded yields a `problem` and what could be read.
 */

export interface DecodedBody {
  body: unknown;
  /** The body is a stream: SSE, NDJSON, eventstream, or a Gemini JSON array stream. */
  streaming: boolean;
  /** Why the body could not be decoded fully, else null. */
  problem: string | null;
}

/** A recorded body: bytes (from `!!binary`, base64, a raw trace) or text as the recorder kept it. */
export type RecordedBody = Uint8Array | string | null | undefined;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** Header values by lower-case name. */
export function headerMap(headers: readonly HttpHeader[]): HeaderMap {
  const map: HeaderMap = {};
  for (const { name, value } of headers) (map[name.toLowerCase()] ??= []).push(value);
  return map;
}

/** The first value of a header, lower-cased name. */
export function headerValue(headers: HeaderMap, name: string): string | null {
  return headers[name]?.[0] ?? null;
}

/** A body that could not be decoded; the message says why. */
export class BodyProblem extends Error {}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/**
 * What the bodies of one file may decompress to in all. Each body is capped on its own, but a
 * file of many small gzip bodies, each just under the cap, would otherwise cost gigabytes; the
 * containers make one budget per file and hand it to every body.
 */
export class DecodeBudget {
  private spent = 0;
  constructor(readonly limits: ReadLimits) {}

  /** Bytes the next decompression may still produce. */
  get remaining(): number {
    return Math.max(0, this.limits.maxDecodedBytes - this.spent);
  }

  spend(bytes: number): void {
    this.spent += bytes;
  }
}

/**
 * Decompresses `bytes`, stopping at the cap (zlib's `maxOutputLength`), never after: the body's
 * own cap, or what is left of the file's `budget` when that is less.
 */
export function decompress(
  bytes: Uint8Array,
  encoding: "gzip" | "deflate" | "br",
  limits: ReadLimits,
  budget: DecodeBudget | null = null,
): Buffer {
  const cap = Math.min(limits.maxDecodedBytes, budget?.remaining ?? Infinity);
  const pastBudget = `the bodies of this file expand past the ${mb(limits.maxDecodedBytes)} limit in all; this ${encoding} body was not decoded`;
  if (cap <= 0) throw new BodyProblem(pastBudget);
  const options = { maxOutputLength: cap };
  let output: Buffer;
  try {
    if (encoding === "gzip") output = gunzipSync(bytes, options);
    else if (encoding === "br") output = brotliDecompressSync(bytes, options);
    // `deflate` is zlib-wrapped by the standard, raw in some servers.
    else output = bytes[0] === 0x78 ? inflateSync(bytes, options) : inflateRawSync(bytes, options);
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    if (
      code === "ERR_BUFFER_TOO_LARGE" ||
      (error instanceof RangeError && /too large|max/i.test(error.message))
    ) {
      budget?.spend(cap);
      if (cap < limits.maxDecodedBytes) throw new BodyProblem(pastBudget);
      throw new BodyProblem(
        `the ${encoding} body expands past the ${mb(limits.maxDecodedBytes)} limit; it was not decoded`,
      );
    }
    throw new BodyProblem(
      `the ${encoding} body is corrupt: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  budget?.spend(output.length);
  return output;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Undoes `content-encoding` (or gzip found by its magic bytes when the header was dropped). */
function undoEncoding(
  bytes: Uint8Array,
  headers: HeaderMap,
  limits: ReadLimits,
  budget: DecodeBudget | null,
): Uint8Array {
  const encoding = (headerValue(headers, "content-encoding") ?? "").toLowerCase().trim();
  if (encoding === "gzip" || encoding === "x-gzip") {
    return isGzip(bytes) ? decompress(bytes, "gzip", limits, budget) : bytes;
  }
  if (encoding === "br") {
    // Recorders often store the body decoded and keep the header: only bytes that are not
    // already text are decompressed.
    if (looksLikeText(bytes)) return bytes;
    return decompress(bytes, "br", limits, budget);
  }
  if (encoding === "deflate")
    return looksLikeText(bytes) ? bytes : decompress(bytes, "deflate", limits, budget);
  return isGzip(bytes) ? decompress(bytes, "gzip", limits, budget) : bytes;
}

/** True when the bytes decode as UTF-8 without control characters other than white space. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) return false;
  try {
    utf8.decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
    return true;
  } catch (error) {
    // A multi-byte character cut at the sample's end is still text.
    return bytes.length > 4096 && error instanceof TypeError;
  }
}

function toText(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Splits an AWS eventstream body into its messages (the first `maxMessages`); a bad CRC or
 * length is a problem, and the messages before it are kept.
 */
export function decodeEventStream(
  bytes: Uint8Array,
  maxMessages = Infinity,
): { messages: EventStreamMessage[]; problem: string | null } {
  const messages: EventStreamMessage[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset < bytes.length) {
    if (messages.length === maxMessages) {
      return {
        messages,
        problem: `the eventstream has more than ${count(maxMessages)} messages; the rest is not shown`,
      };
    }
    if (bytes.length - offset < 16) {
      return {
        messages,
        problem: `eventstream message ${messages.length} is cut short (${bytes.length - offset} bytes left)`,
      };
    }
    const total = view.getUint32(offset);
    if (total < 16 || offset + total > bytes.length) {
      return {
        messages,
        problem: `eventstream message ${messages.length} declares ${total} bytes but ${bytes.length - offset} remain`,
      };
    }
    let decoded;
    try {
      decoded = codec.decode(bytes.subarray(offset, offset + total));
    } catch (error) {
      return {
        messages,
        problem: `eventstream message ${messages.length} is corrupt: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const headers: EventStreamMessage["headers"] = {};
    for (const [name, header] of Object.entries(decoded.headers)) {
      const value = header.value;
      headers[name] =
        typeof value === "string" || typeof value === "number" || typeof value === "boolean"
          ? value
          : String(value);
    }
    const text = toText(decoded.body);
    messages.push({ headers, payload: text === null ? binary(decoded.body, null) : jsonOrText(text) });
    offset += total;
  }
  return { messages, problem: null };
}

function binary(bytes: Uint8Array, mediaType: string | null): unknown {
  return { $binary: { mediaType, size: bytes.length, base64: Buffer.from(bytes).toString("base64") } };
}

/** Parses text that is JSON (within the depth bound); returns the text itself otherwise. */
export function jsonOrText(text: string, maxDepth = 256): unknown {
  // `search`, not `trimStart`: no copy of a long body just to look at its first character.
  const start = text.charCodeAt(text.search(/\S/));
  if (start !== 0x7b && start !== 0x5b && start !== 0x22) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  return mayNestDeeperThan(text, maxDepth) && valueDeeperThan(value, maxDepth) ? text : value;
}

const STREAM_TYPES = [
  "text/event-stream",
  "application/x-ndjson",
  "application/stream+json",
  "application/jsonl",
];

/** A URL whose JSON response is a stream (Gemini `:streamGenerateContent`, `alt=sse`). */
export function isStreamUrl(url: string | null): boolean {
  return url !== null && (/:streamGenerateContent\b/.test(url) || /[?&]alt=sse\b/.test(url));
}

/**
 * Decodes one recorded body. `url` helps tell a Gemini JSON-array stream; headers give the
 * content type and encoding. Never throws: a problem is returned with the best form that was read.
 */
export function decodeHttpBody(
  recorded: RecordedBody,
  headers: HeaderMap,
  limits: ReadLimits,
  url: string | null = null,
  budget: DecodeBudget | null = null,
): DecodedBody {
  if (recorded === null || recorded === undefined) return { body: null, streaming: false, problem: null };
  const contentType = (headerValue(headers, "content-type") ?? "").toLowerCase();
  let bytes: Uint8Array;
  if (typeof recorded === "string") {
    const encoding = (headerValue(headers, "content-encoding") ?? "").toLowerCase();
    // Text bodies are stored decoded (the header is a leftover) unless the text is gzip itself.
    if (recorded === "") return { body: null, streaming: false, problem: null };
    if (
      !(encoding.includes("gzip") && recorded.startsWith("\u001f\u008b")) &&
      !contentType.includes("eventstream")
    ) {
      return fromText(recorded, contentType, url, limits);
    }
    bytes = Buffer.from(recorded, "latin1");
  } else {
    bytes = recorded;
  }
  if (bytes.length === 0) return { body: null, streaming: false, problem: null };
  try {
    bytes = undoEncoding(bytes, headers, limits, budget);
  } catch (error) {
    const problem = error instanceof BodyProblem ? error.message : String(error);
    return { body: binary(bytes.subarray(0, 0), contentType || null), streaming: false, problem };
  }
  if (bytes.length > limits.maxDecodedBytes) {
    return {
      body: binary(bytes.subarray(0, 0), contentType || null),
      streaming: false,
      problem: `the body is ${mb(bytes.length)}, over the ${mb(limits.maxDecodedBytes)} limit; it was not decoded`,
    };
  }
  if (contentType.includes("application/vnd.amazon.eventstream") || looksLikeEventStream(bytes)) {
    const { messages, problem } = decodeEventStream(bytes, limits.maxStreamEvents);
    return { body: { $eventstream: messages }, streaming: true, problem };
  }
  const text = toText(bytes);
  if (text === null) return { body: binary(bytes, contentType || null), streaming: false, problem: null };
  return fromText(text, contentType, url, limits);
}

/** An eventstream prelude: total length matching a plausible message and headers length below it. */
function looksLikeEventStream(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = view.getUint32(0);
  const headersLength = view.getUint32(4);
  return (
    total >= 16 &&
    total <= bytes.length &&
    headersLength < total - 12 &&
    bytes[12] === 0x0b &&
    bytes[13] === 0x3a
  );
}

function fromText(text: string, contentType: string, url: string | null, limits: ReadLimits): DecodedBody {
  if (text.length > limits.maxDecodedBytes) {
    return {
      body: null,
      streaming: false,
      problem: `the body is ${mb(text.length)}, over the ${mb(limits.maxDecodedBytes)} limit; it was not decoded`,
    };
  }
  const streamType = STREAM_TYPES.find((type) => contentType.includes(type));
  if (streamType) return streamText(text, streamType === "text/event-stream" ? "sse" : "ndjson", limits);
  const value = jsonOrText(text, limits.maxDepth);
  if (value !== text) {
    if (!Array.isArray(value) || !isStreamUrl(url)) return { body: value, streaming: false, problem: null };
    // A Gemini JSON-array stream: one chunk per element.
    if (value.length <= limits.maxStreamEvents) return { body: value, streaming: true, problem: null };
    return {
      body: value.slice(0, limits.maxStreamEvents),
      streaming: true,
      problem: `the stream has ${count(value.length)} chunks, more than the ${count(limits.maxStreamEvents)} read; the rest is not shown`,
    };
  }
  if (/^\s*(?:data|event):/.test(text.slice(0, 64))) return streamText(text, "sse", limits);
  return { body: text, streaming: false, problem: null };
}

/** A stream kept as text, cut after `limits.maxStreamEvents` events. */
function streamText(text: string, kind: "sse" | "ndjson", limits: ReadLimits): DecodedBody {
  const cut = cutStream(text, kind, limits.maxStreamEvents);
  if (!cut) return { body: text, streaming: true, problem: null };
  const what = kind === "sse" ? "events" : "lines";
  return {
    body: cut.text,
    streaming: true,
    problem: `the stream has ${count(cut.total)} ${what}, more than the ${count(limits.maxStreamEvents)} read; the rest is not shown`,
  };
}
