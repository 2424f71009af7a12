import { close, fstatSync, open, read } from "node:fs";
import { promisify } from "node:util";
import type { Failure } from "@/lib/model/failure";

export interface FileRead {
  size: number;
  /** Modification time when read (0 when the file could not be opened). */
  mtimeMs: number;
  /** The bytes, or null with the failure when the file could not be read within the limit. */
  bytes: Buffer | null;
  failure: Failure | null;
}

// Plain descriptors, not `fs/promises` file handles: a handle is an object with a finalizer,
// and opening thousands of them cost more than reading the files (a CPU profile of indexing).
const openFd = promisify(open);
const readFd = promisify(read);
const closeFd = promisify(close);

/**
 * Reads `size` bytes in as few calls as the system allows: one, for a file that did not change.
 * A file that shrank meanwhile yields what is there; one that grew is read up to its old size
 * (the watcher reads it again).
 */
async function readBytes(fd: number, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await readFd(fd, buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** Reads one file within `maxBytes`. Never throws: every problem becomes a failure with a reason. */
export async function readFileBytes(path: string, maxBytes: number): Promise<FileRead> {
  let size = 0;
  let mtimeMs = 0;
  try {
    // One open file for the size check and the read. Asking an open descriptor for its size
    // touches no disk, so it is done in place rather than as one more trip to the thread pool.
    const fd = await openFd(path, "r");
    try {
      const info = fstatSync(fd);
      size = info.size;
      mtimeMs = info.mtimeMs;
      if (size > maxBytes) {
        const reason = `the file is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit; it is listed but not parsed`;
        return { size, mtimeMs, bytes: null, failure: { kind: "too-large", reason } };
      }
      return { size, mtimeMs, bytes: await readBytes(fd, size), failure: null };
    } finally {
      await closeFd(fd);
    }
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    if (code === "ENOENT") {
      return {
        size,
        mtimeMs,
        bytes: null,
        failure: { kind: "missing", reason: "the file no longer exists" },
      };
    }
    const reason = `the file could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { size, mtimeMs, bytes: null, failure: { kind: "unreadable", reason } };
  }
}
