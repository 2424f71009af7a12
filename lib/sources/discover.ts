import { readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, sep } from "node:path";

export interface DiscoveredFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the root, with forward slashes. */
  relPath: string;
  /**
   * The file sits in a folder named `recordings`, `cassettes` or `vcr_cassettes`: a file there
   * that is not a recording is reported as such, where elsewhere it is skipped.
   */
  inRecordingFolder: boolean;
}

const NEVER_ENTER = new Set(["node_modules", ".git"]);
const RECORDING_FOLDERS = new Set(["recordings", "cassettes", "vcr_cassettes"]);
const CANDIDATE = /\.(json|ya?ml|har|ya?ml\.gz|httprr|httprr\.gz)$/i;

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  // `..x.json` is a file inside the root; only `..` itself or `../...` steps out.
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Finds the candidate recordings under `root`: a recordings folder, a suite folder or a whole
 * checkout. Candidates are `.json .yaml .yml .har .yaml.gz .yml.gz .httprr .httprr.gz` files
 * anywhere; which of them are recordings is decided by their content. llama-stack's rule holds
 * for `.json` files: when the tree has folders named `recordings`, only those below them count.
 * `node_modules` and `.git` are never entered; links are followed only to files inside the root.
 */
export async function discoverRecordings(root: string): Promise<DiscoveredFile[]> {
  const realRoot = await realpath(root);
  const all: {
    path: string;
    relPath: string;
    underRecordings: boolean;
    inRecordingFolder: boolean;
    json: boolean;
  }[] = [];
  let sawRecordingsFolder = false;

  /** `relDir`: the folder's path below the root with a trailing `/` ("" for the root itself). */
  async function visit(
    dir: string,
    relDir: string,
    underRecordings: boolean,
    inRecordingFolder: boolean,
  ): Promise<void> {
    // A folder that vanishes or cannot be read mid-walk (a checkout switching branches) is
    // skipped; only an unreadable root fails the walk.
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
      if (dir === realRoot) throw error;
      return [];
    });
    // The root `/` ends with the separator already.
    const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
    await Promise.all(
      entries.map(async (entry) => {
        // Joined by hand: `join` and `relative` normalise each path again, and were a tenth of a
        // restart on an unchanged corpus (a CPU profile); names from `readdir` need no normalising.
        const path = `${prefix}${entry.name}`;
        const relPath = `${relDir}${entry.name}`;
        if (entry.isDirectory()) {
          if (NEVER_ENTER.has(entry.name)) return;
          const isRecordings = entry.name === "recordings";
          if (isRecordings) sawRecordingsFolder = true;
          await visit(
            path,
            `${relPath}/`,
            underRecordings || isRecordings,
            inRecordingFolder || RECORDING_FOLDERS.has(entry.name),
          );
          return;
        }
        if (!CANDIDATE.test(entry.name)) return;
        if (entry.isSymbolicLink()) {
          const target = await realpath(path).catch(() => null);
          if (target === null || !isInside(realRoot, target)) return;
          // Only links to files: a link to a folder named `x.json` is not a recording.
          if (!(await stat(target).catch(() => null))?.isFile()) return;
        } else if (!entry.isFile()) {
          return;
        }
        all.push({ path, relPath, underRecordings, inRecordingFolder, json: /\.json$/i.test(entry.name) });
      }),
    );
  }

  const rootName = realRoot.slice(realRoot.lastIndexOf(sep) + 1);
  await visit(realRoot, "", rootName === "recordings", RECORDING_FOLDERS.has(rootName));
  return all
    .filter((file) => !file.json || !sawRecordingsFolder || file.underRecordings)
    .map(({ path, relPath, inRecordingFolder }) => ({ path, relPath, inRecordingFolder }))
    .sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}
