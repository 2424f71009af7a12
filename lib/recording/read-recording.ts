import { open, readFile } from "node:fs/promises";
import { decodeText, type Decoded } from "./decode";

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

/** Reads and decodes one recording file. Never throws: every problem becomes a failure with a reason. */
export async function readRecording(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadRecording> {
  let size = 0;
  let mtimeMs = 0;
  try {
    // One open file for the size check and the read: no second lookup of the path.
    const handle = await open(path, "r");
    let text: string;
    try {
      const info = await handle.stat();
      size = info.size;
      mtimeMs = info.mtimeMs;
      if (size > maxBytes) {
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        return {
          size,
          mtimeMs,
          text: null,
          decoded: {
            ok: false,
            kind: "too-large",
            reason: `the file is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit; it is listed but not parsed`,
            raw: undefined,
          },
        };
      }
      text = await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
    // Decoding replaced invalid UTF-8 with U+FFFD; only then is the file checked byte by byte.
    if (text.includes("\uFFFD")) {
      const bytes = await readFile(path);
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
      return {
        size,
        mtimeMs,
        text: null,
        decoded: { ok: false, kind: "missing", reason: "the file no longer exists", raw: undefined },
      };
    }
    const reason = `the file could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { size, mtimeMs, text: null, decoded: { ok: false, kind: "unreadable", reason, raw: undefined } };
  }
}
