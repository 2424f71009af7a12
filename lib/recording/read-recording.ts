import { environmentLimits } from "@/lib/config";
import type { ReadLimits } from "@/lib/model/limits";
import { readFileBytesNow, type FileRead } from "@/lib/sources/read-file";
import { decodeBytes, type Decoded } from "./decode";

export interface ReadRecording {
  size: number;
  /** Modification time when read (0 when the file could not be opened). */
  mtimeMs: number;
  /** The file's text (gunzipped), when it could be read within the limits. */
  text: string | null;
  decoded: Decoded;
}

/** Reads and decodes one recording file of any format. Never throws. */
export async function readRecording(
  path: string,
  relPath = path,
  limits: ReadLimits = environmentLimits(),
): Promise<ReadRecording> {
  return readRecordingNow(path, relPath, limits);
}

/**
 * `readRecording`, answered in place (no promise) for a file small enough to be read synchronously:
 * a reader of many files (the index) then handles each file before the next is decoded, rather
 * than holding several decoded files at once while their promises settle.
 */
export function readRecordingNow(
  path: string,
  relPath = path,
  limits: ReadLimits = environmentLimits(),
): ReadRecording | Promise<ReadRecording> {
  const read = readFileBytesNow(path, limits.maxFileBytes);
  return read instanceof Promise
    ? read.then((done) => decodeRead(done, relPath, limits))
    : decodeRead(read, relPath, limits);
}

function decodeRead(read: FileRead, relPath: string, limits: ReadLimits): ReadRecording {
  if (!read.bytes) {
    const failure = read.failure ?? { kind: "unreadable" as const, reason: "the file could not be read" };
    return {
      size: read.size,
      mtimeMs: read.mtimeMs,
      text: null,
      decoded: { ok: false, ...failure, raw: undefined, startsLikeRecording: true },
    };
  }
  const { text, decoded } = decodeBytes(read.bytes, relPath, limits);
  return { size: read.size, mtimeMs: read.mtimeMs, text, decoded };
}
