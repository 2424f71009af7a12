import { deflateRawSync } from "node:zlib";
import { EventStreamCodec } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/core/serde";

/** Byte-level helpers for the sample cassettes: SSE text, AWS eventstream, gzip, a tiny PNG. */

/** One SSE event: `event:` line (optional) and its `data:` line. */
export interface SseEvent {
  event?: string;
  data: string;
}

/** SSE text as servers send it; `eol` is `\r\n` for Google's endpoints. */
export function sseText(events: readonly SseEvent[], eol = "\n"): string {
  return events
    .map(
      ({ event, data }) => `${event === undefined ? "" : `event: ${event}${eol}`}data: ${data}${eol}${eol}`,
    )
    .join("");
}

/** SSE events whose data is JSON with a `type` that is also the event name (Anthropic, Responses, Cohere). */
export function typedEvents(values: readonly ({ type: string } & Record<string, unknown>)[]): SseEvent[] {
  return values.map((value) => ({ event: value.type, data: JSON.stringify(value) }));
}

/** JSON as Python's `json.dumps` writes it by default: `", "` and `": "` between items. */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value);
}

/** Newline-delimited JSON (Ollama streams). */
export function ndjson(values: readonly unknown[]): string {
  return values.map((value) => `${JSON.stringify(value)}\n`).join("");
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** An AWS eventstream body: one binary message per event, JSON payloads, as Bedrock streams. */
export function eventStream(events: readonly { type: string; payload: unknown }[]): Uint8Array {
  const parts = events.map(({ type, payload }) =>
    codec.encode({
      headers: {
        ":event-type": { type: "string", value: type },
        ":content-type": { type: "string", value: "application/json" },
        ":message-type": { type: "string", value: "event" },
      },
      body: fromUtf8(JSON.stringify(payload)),
    }),
  );
  return Buffer.concat(parts);
}

/** Bedrock pads every stream event with `p`, a run of letters of varying length. */
export function padding(length: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return letters.slice(0, length);
}

/**
 * Gzip with a fixed header, so the output is the same on every run: the modification time is
 * the given one (never the clock), XFL 2 (best compression) and the OS byte as the recorder's
 * platform writes it (Python's `gzip` writes 255, "unknown").
 */
export function gzip(data: Uint8Array | string, mtime: number, os = 255): Uint8Array {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, os]);
  header.writeUInt32LE(mtime, 4);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(bytes), 0);
  trailer.writeUInt32LE(bytes.length % 2 ** 32, 4);
  return Buffer.concat([header, deflateRawSync(bytes, { level: 9 }), trailer]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A 16×16 PNG of a halved kiwi fruit (green flesh, pale core, a ring of seeds). Its pixels are
 * stored uncompressed (a zlib stream of stored blocks), so the bytes never depend on the zlib
 * build that runs the generator.
 */
export function kiwiPng(): Uint8Array {
  const size = 16;
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < size; x++) {
      // Squared distance from the centre in half-pixels: integers only, the same on every engine.
      const d2 = (2 * x - 15) ** 2 + (2 * y - 15) ** 2;
      const seed = d2 > 36 && d2 < 71 && (x + y) % 2 === 0;
      const rgb =
        d2 > 231
          ? [255, 255, 255]
          : d2 > 174
            ? [121, 85, 46]
            : seed
              ? [34, 24, 16]
              : d2 < 16
                ? [238, 240, 200]
                : [126, 186, 58];
      rows.push(...rgb);
    }
  }
  const raw = Buffer.from(rows);
  const stored = Buffer.concat([Buffer.from([1]), Buffer.alloc(4)]);
  stored.writeUInt16LE(raw.length, 1);
  stored.writeUInt16LE(raw.length ^ 0xffff, 3);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(adler32(raw));
  const zlibStream = Buffer.concat([Buffer.from([0x78, 0x01]), stored, raw, adler]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", zlibStream),
    pngChunk("IEND", new Uint8Array()),
  ]);
}
