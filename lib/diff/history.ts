import { compareFiles, headExchange, type SideFile } from "@/lib/diff/compare-files";
import type { PairVerdict } from "@/lib/diff/pair-verdicts";
import { sideFileFromBytes } from "@/lib/diff/load-side";
import { findCounterpart, type PairCandidate, type PairedBy } from "@/lib/diff/pairing";
import { CatFileBatch } from "@/lib/git/cat-file-batch";
import { git } from "@/lib/git/git-cli";
import { checkRepoPath } from "@/lib/git/revision";
import { maskFileSide } from "@/lib/secrets/masked-source";

export interface HistoryEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
  /** The file's path (from the repository top) at this commit. */
  path: string;
  /** How the file arrived here: modified, added, renamed from another path, or taken over from a file of the same test. */
  change: "modified" | "added" | "renamed" | "re-recorded";
  /**
   * The verdict against the version before (null for the first version, or when either side is
   * broken); for a cassette the most serious of its interactions' (`added`/`removed` included).
   */
  verdict: PairVerdict | null;
  summary: string;
  pairedBy: PairedBy | "git" | null;
}

interface LogEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
  status: string;
  path: string;
}

const FIELD = "\u001f";

/** The files that may be recordings (as discovery finds them). */
const CANDIDATE = /\.(json|ya?ml|har|ya?ml\.gz|httprr|httprr\.gz)$/i;

/** A version's file side (blobs are bytes: a `.yaml.gz` cassette is gzip). */
function sideOf(blob: Uint8Array | null | undefined, path: string): SideFile | null {
  return blob ? sideFileFromBytes(blob, path).side : null;
}

/** `git log --follow` for one path, newest first, with the path each commit saw and how it changed it. */
async function followLog(repo: string, rev: string, path: string): Promise<LogEntry[]> {
  const out = await git(repo, [
    "log",
    "--follow",
    "--name-status",
    `--format=%x1e%H${FIELD}%aI${FIELD}%an${FIELD}%s`,
    rev,
    "--",
    path,
  ]);
  const entries: LogEntry[] = [];
  for (const record of out.split("\u001e").slice(1)) {
    const [header = "", ...rest] = record.split("\n");
    const [commit = "", date = "", author = "", subject = ""] = header.split(FIELD);
    const statusLine = rest.find((line) => /^[AMRCD]/.test(line)) ?? "";
    const parts = statusLine.split("\t");
    const status = parts[0] ?? "";
    entries.push({ commit, date, author, subject, status, path: parts[parts.length - 1] ?? path });
  }
  return entries;
}

/** Files removed by `commit` in `dir`, the candidates for the earlier name of a file it added. */
async function removedBeside(repo: string, commit: string, dir: string): Promise<string[]> {
  const parents = (await git(repo, ["rev-list", "--parents", "-n", "1", commit])).trim().split(" ");
  if (parents.length < 2) return []; // a root commit: nothing came before
  const out = await git(repo, [
    "diff",
    "--name-status",
    "--no-renames",
    `${commit}^`,
    commit,
    "--",
    dir || ".",
  ]);
  return out
    .split("\n")
    .filter((line) => line.startsWith("D\t"))
    .map((line) => line.slice(2))
    .filter(
      (path) =>
        CANDIDATE.test(path) &&
        (path.lastIndexOf("/") === -1 ? "" : path.slice(0, path.lastIndexOf("/"))) === dir,
    );
}

/**
 * Every revision in which a recording changed, newest first: followed across git renames and
 * across new file names for the same test (a delete and an add in one commit, paired by test id
 * and directory, then by request). Each version carries its verdict against the one before.
 */
export async function recordingHistory(
  repo: string,
  path: string,
  rev = "HEAD",
  limit = 200,
): Promise<HistoryEntry[]> {
  checkRepoPath(path);
  const batch = new CatFileBatch(repo);
  // A blob past the size limit is not read: that version reads as one that does not decode.
  const read = async (spec: string) => {
    const blob = await batch.readBlob(spec);
    return blob.kind === "blob" ? blob.bytes : null;
  };
  try {
    const versions: (LogEntry & { pairedBy: PairedBy | "git" | null; change: HistoryEntry["change"] })[] = [];
    let currentPath = path;
    let currentRev = rev;
    for (let hop = 0; hop < 20 && versions.length < limit; hop++) {
      const log = await followLog(repo, currentRev, currentPath);
      for (const entry of log) {
        const change = entry.status.startsWith("R") ? "renamed" : entry.status === "A" ? "added" : "modified";
        versions.push({ ...entry, change, pairedBy: entry.status.startsWith("R") ? "git" : null });
      }
      const oldest = versions[versions.length - 1];
      if (!oldest || oldest.status !== "A") break;
      const target = headExchange(sideOf(await read(`${oldest.commit}:${oldest.path}`), oldest.path));
      if (!target) break;
      const dir = oldest.path.includes("/") ? oldest.path.slice(0, oldest.path.lastIndexOf("/")) : "";
      const candidates: PairCandidate[] = [];
      for (const removed of await removedBeside(repo, oldest.commit, dir)) {
        const exchange = headExchange(sideOf(await read(`${oldest.commit}^:${removed}`), removed));
        if (exchange) candidates.push({ path: removed, exchange });
      }
      const found = findCounterpart({ path: oldest.path, exchange: target }, candidates);
      if (!found) break;
      oldest.change = "re-recorded";
      oldest.pairedBy = found.by;
      currentPath = found.candidate.path;
      currentRev = `${oldest.commit}^`;
    }

    const shown = versions.slice(0, limit);
    const blobs = await Promise.all(shown.map((v) => read(`${v.commit}:${v.path}`)));
    return Promise.all(
      shown.map(async (version, i) => {
        const before = blobs[i + 1];
        const after = blobs[i];
        let verdict: PairVerdict | null = null;
        let summary = i === shown.length - 1 ? "first version" : "one side does not decode";
        if (before && after) {
          // Masked before comparing: a summary quotes changed values.
          const a = await maskFileSide(sideOf(before, shown[i + 1]?.path ?? version.path));
          const b = await maskFileSide(sideOf(after, version.path));
          if (a && b) {
            const comparison = compareFiles(a, b);
            verdict = comparison.verdict;
            summary = comparison.summary;
          }
        }
        return {
          commit: version.commit,
          date: version.date,
          author: version.author,
          subject: version.subject,
          path: version.path,
          change: version.change,
          verdict,
          summary,
          pairedBy: version.pairedBy,
        };
      }),
    );
  } finally {
    batch.close();
  }
}
