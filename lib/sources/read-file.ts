import { fstatSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { decodeText, type Decoded } from "@/lib/recording/decode";

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ReadRecording {
  size: number;
  /** Modification time when read (0 when the file could not be opened). */
  mtimeMs: number;
  /** The file's text, when it could be read as UTF-8 within the size limit. */
  text: string | null;
  decoded: Decoded;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function failure(size: number, mtimeMs: number, kind: Decoded & { ok: false }): ReadRecording {
  return { size, mtimeMs, text: null, decoded: kind };
}

/**
 * Reads `size` bytes in as few calls as the system allows: one, for a file that did not change.
 * A file that shrank meanwhile yields what is there; one that grew is read up to its old size
 * (the watcher reads it again).
 */
async function readBytes(handle: FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}

/** Reads and decodes one recording file. Never throws: every problem becomes a failure with a reason. */
export async function readRecording(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadRecording> {
  let size = 0;
  let mtimeMs = 0;
  try {
    // One open file for the size check and the read. Asking an open descriptor for its size
    // touches no disk, so it is done in place rather than as one more trip to the thread pool.
    const handle = await open(path, "r");
    let bytes: Buffer;
    try {
      const info = fstatSync(handle.fd);
      size = info.size;
      mtimeMs = info.mtimeMs;
      if (size > maxBytes) {
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        return failure(size, mtimeMs, {
          ok: false,
          kind: "too-large",
          reason: `the file is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit; it is listed but not parsed`,
          raw: undefined,
        });
      }
      bytes = await readBytes(handle, size);
    } finally {
      await handle.close();
    }
    const text = bytes.toString("utf8");
    // Decoding replaced invalid UTF-8 with U+FFFD; only then are the bytes checked one by one.
    if (text.includes("\uFFFD")) {
      try {
        utf8.decode(bytes);
      } catch {
        return {
          size,
          mtimeMs,
          text: bytes.toString("latin1"),
          decoded: {
            ok: false,
            kind: "invalid-encoding",
            reason: "the file is not valid UTF-8",
            raw: undefined,
          },
        };
      }
    }
    return { size, mtimeMs, text, decoded: decodeText(text) };
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    if (code === "ENOENT") {
      return failure(size, mtimeMs, {
        ok: false,
        kind: "missing",
        reason: "the file no longer exists",
        raw: undefined,
      });
    }
    const reason = `the file could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return failure(size, mtimeMs, { ok: false, kind: "unreadable", reason, raw: undefined });
  }
}
