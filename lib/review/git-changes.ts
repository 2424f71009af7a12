import { git } from "@/lib/git/git-cli";

/** One file git reports changed between two revisions (or a revision and the working tree). */
export interface GitChange {
  status: "added" | "removed" | "modified" | "renamed" | "copied";
  path: string;
  oldPath: string | null;
}

/** Files a recorder other than llama-stack writes: cassettes (`.yaml`, `.yml`, `.har`, gzip'd, httprr). */
const CASSETTE_FILE = /\.(ya?ml|har|ya?ml\.gz|httprr|httprr\.gz)$/i;

/**
 * Whether a repository path may be a recording: a `.json` file, below a folder named
 * `recordings` when the repository has such folders (the rule `tapedeck check` follows); or a
 * cassette file anywhere (the review keeps only those that decode as, or start like, one).
 */
export function isRecordingPath(path: string, recordingsFolders: boolean): boolean {
  const folders = path.split("/").slice(0, -1);
  if (folders.includes("node_modules") || folders.includes(".git")) return false;
  if (CASSETTE_FILE.test(path)) return true;
  if (!path.endsWith(".json")) return false;
  return !recordingsFolders || folders.includes("recordings");
}

/** Whether the tree at `rev` has a folder named `recordings`. */
async function hasRecordingsFolders(repo: string, rev: string): Promise<boolean> {
  const dirs = await git(repo, ["ls-tree", "-r", "-d", "-z", "--name-only", rev]);
  return dirs.split("\0").some((dir) => dir === "recordings" || dir.endsWith("/recordings"));
}

function parseNameStatus(out: string): GitChange[] {
  const fields = out.split("\0");
  const changes: GitChange[] = [];
  for (let i = 0; i < fields.length;) {
    const status = fields[i++] ?? "";
    if (status === "") continue;
    const letter = status[0];
    if (letter === "R" || letter === "C") {
      const oldPath = fields[i++] ?? "";
      const path = fields[i++] ?? "";
      changes.push({ status: letter === "R" ? "renamed" : "copied", path, oldPath });
    } else {
      const path = fields[i++] ?? "";
      const kind = letter === "A" ? "added" : letter === "D" ? "removed" : "modified";
      changes.push({ status: kind, path, oldPath: null });
    }
  }
  return changes;
}

/**
 * The recordings added, removed, modified, renamed or copied from `base` to `head` (git's rename
 * and copy detection). With `head` null, the working tree is the head, untracked files included.
 * `paths`, when given, are git pathspecs (from the repository top) that limit the changes.
 */
export async function gitChanges(
  repo: string,
  base: string,
  head: string | null,
  paths: readonly string[] = [],
): Promise<GitChange[]> {
  const range = head === null ? [base] : [base, head];
  // Three git commands that do not wait on each other, run side by side.
  const [out, baseFolders, headFolders] = await Promise.all([
    git(repo, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", ...range, "--", ...paths]),
    hasRecordingsFolders(repo, base),
    head === null ? false : hasRecordingsFolders(repo, head),
  ]);
  const folders = baseFolders || headFolders;
  const isRecording = (path: string) => isRecordingPath(path, folders);
  const changes = parseNameStatus(out).filter(
    (change) => isRecording(change.path) || (change.oldPath !== null && isRecording(change.oldPath)),
  );
  if (head === null) {
    const untracked = await git(repo, ["ls-files", "--others", "--exclude-standard", "-z", "--", ...paths]);
    for (const path of untracked.split("\0")) {
      if (path && isRecording(path)) changes.push({ status: "added", path, oldPath: null });
    }
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
