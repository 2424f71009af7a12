import { statSync, type Stats } from "node:fs";

/** What tells a file changed since it was read: its size and modification time. */
export interface FileState {
  size: number;
  mtimeMs: number;
}

/** Whether two states are of the same content (as far as size and time tell). */
export function sameState(a: FileState, b: FileState): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * The file's state, or null when it is gone or cannot be asked. In place, not through the thread
 * pool: a restart asks this of every file, and one trip to the pool each cost more than the stat
 * (a CPU profile of a warm restart).
 */
export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
