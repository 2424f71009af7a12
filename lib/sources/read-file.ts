import { closeSync, constants, fstatSync, openSync, read, readSync } from "node:fs";
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

/**
 * Files up to this size are read synchronously. Handing each call to the thread pool and back
 * cost more than the reads themselves (open, read and close were a fifth of indexing the corpus
 * in a CPU profile), and reading a few MB from the page cache blocks the server for about a
 * millisecond; larger files (up to the size limit) are read asynchronously.
 */
const SYNC_READ_BYTES = 4 * 1024 * 1024;

const readFd = promisify(read);

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

/** `readBytes` without leaving the thread, for small files. */
function readBytesSync(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const bytesRead = readSync(fd, buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function readFailure(error: unknown, size: number, mtimeMs: number): FileRead {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "ENOENT") {
    return { size, mtimeMs, bytes: null, failure: { kind: "missing", reason: "the file no longer exists" } };
  }
  const reason = `the file could not be read: ${error instanceof Error ? error.message : String(error)}`;
  return { size, mtimeMs, bytes: null, failure: { kind: "unreadable", reason } };
}

/** Reads one file within `maxBytes`. Never throws: every problem becomes a failure with a reason. */
export async function readFileBytes(path: string, maxBytes: number): Promise<FileRead> {
  return readFileBytesNow(path, maxBytes);
}

/**
 * `readFileBytes`, answered in place (no promise) for a file read synchronously (see
 * `SYNC_READ_BYTES`), so that a reader of many files can finish each one before it yields.
 */
export function readFileBytesNow(path: string, maxBytes: number): FileRead | Promise<FileRead> {
  let size = 0;
  let mtimeMs = 0;
  let fd: number;
  try {
    // Plain descriptors, not `fs/promises` file handles: a handle is an object with a finalizer,
    // and opening thousands of them cost more than reading the files (a CPU profile of indexing).
    // Non-blocking, so that a named pipe given as a file cannot stall the thread at its opening
    // (it makes no difference to a regular file).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return readFailure(error, size, mtimeMs);
  }
  let closeNow = true;
  try {
    // One open file for the size check and the read.
    const info = fstatSync(fd);
    size = info.size;
    mtimeMs = info.mtimeMs;
    if (size > maxBytes) {
      const reason = `the file is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit; it is listed but not parsed`;
      return { size, mtimeMs, bytes: null, failure: { kind: "too-large", reason } };
    }
    if (size <= SYNC_READ_BYTES) return { size, mtimeMs, bytes: readBytesSync(fd, size), failure: null };
    closeNow = false;
    return readLarge(fd, size, mtimeMs);
  } catch (error) {
    return readFailure(error, size, mtimeMs);
  } finally {
    // Closing a descriptor of a regular file touches no disk: done in place.
    if (closeNow) closeSync(fd);
  }
}

/** A large file, read off the thread; the descriptor is closed once read. */
async function readLarge(fd: number, size: number, mtimeMs: number): Promise<FileRead> {
  try {
    return { size, mtimeMs, bytes: await readBytes(fd, size), failure: null };
  } catch (error) {
    return readFailure(error, size, mtimeMs);
  } finally {
    closeSync(fd);
  }
}
