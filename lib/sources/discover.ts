import { readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";

export interface DiscoveredFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the root, with forward slashes. */
  relPath: string;
}

const NEVER_ENTER = new Set(["node_modules", ".git"]);

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  // `..x.json` is a file inside the root; only `..` itself or `../...` steps out.
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Finds the recordings under `root`: a recordings folder, a suite folder or a whole checkout.
 * When the tree holds folders named `recordings`, only `.json` files below them count; otherwise
 * every `.json` file does. `node_modules` and `.git` are never entered; links are followed only
 * to files inside the root.
 */
export async function discoverRecordings(root: string): Promise<DiscoveredFile[]> {
  const realRoot = await realpath(root);
  const all: { path: string; underRecordings: boolean }[] = [];
  let sawRecordingsFolder = false;

  async function visit(dir: string, underRecordings: boolean): Promise<void> {
    // A folder that vanishes or cannot be read mid-walk (a checkout switching branches) is
    // skipped; only an unreadable root fails the walk.
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
      if (dir === realRoot) throw error;
      return [];
    });
    await Promise.all(
      entries.map(async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (NEVER_ENTER.has(entry.name)) return;
          const isRecordings = entry.name === "recordings";
          if (isRecordings) sawRecordingsFolder = true;
          await visit(path, underRecordings || isRecordings);
          return;
        }
        if (!entry.name.endsWith(".json")) return;
        if (entry.isSymbolicLink()) {
          const target = await realpath(path).catch(() => null);
          if (target === null || !isInside(realRoot, target)) return;
          // Only links to files: a link to a folder named `x.json` is not a recording.
          if (!(await stat(target).catch(() => null))?.isFile()) return;
        } else if (!entry.isFile()) {
          return;
        }
        all.push({ path, underRecordings });
      }),
    );
  }

  await visit(realRoot, false);
  return all
    .filter((file) => !sawRecordingsFolder || file.underRecordings)
    .map(({ path }) => ({ path, relPath: relative(realRoot, path).split(sep).join("/") }))
    .sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}
