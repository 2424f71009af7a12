import type { PairVerdict } from "@/lib/diff/pair-verdicts";
import type { HistoryEntry } from "@/lib/diff/history";
import { compareHref } from "@/lib/urls";
import { gitSource } from "./compare-query";
import { rootRelativePath } from "./repo-path";

/** One version of a recording in its history table, with its compare links. */
export interface HistoryRow {
  commit: string;
  short: string;
  /** `YYYY-MM-DD`. */
  date: string;
  author: string;
  subject: string;
  change: HistoryEntry["change"];
  pairedBy: HistoryEntry["pairedBy"];
  verdict: PairVerdict | null;
  summary: string;
  /** The path from the repository top at this version. */
  repoPath: string;
  /** The path at this version when it differs from the file's path now (root-relative when it can be). */
  otherPath: string | null;
  /** `<commit>:<root-relative path>`, or null when the path lies outside the root. */
  source: string | null;
  /** Compare with the version before; null for the first version or a path outside the root. */
  previousHref: string | null;
}

/**
 * The history of the recording at `relPath` (root-relative) as table rows, newest first. `prefix`
 * is the root's place in the repository (`git rev-parse --show-prefix`).
 */
export function historyRows(entries: readonly HistoryEntry[], prefix: string, relPath: string): HistoryRow[] {
  const sources = entries.map((entry) => {
    const rel = rootRelativePath(entry.path, prefix);
    return rel === null ? null : gitSource(entry.commit, rel);
  });
  return entries.map((entry, i) => {
    const rel = rootRelativePath(entry.path, prefix);
    const source = sources[i] ?? null;
    const previous = sources[i + 1] ?? null;
    return {
      commit: entry.commit,
      short: entry.commit.slice(0, 7),
      date: entry.date.slice(0, 10),
      author: entry.author,
      subject: entry.subject,
      change: entry.change,
      pairedBy: entry.pairedBy,
      verdict: entry.verdict,
      summary: entry.summary,
      repoPath: entry.path,
      otherPath: rel === relPath ? null : (rel ?? entry.path),
      source,
      previousHref: source && previous ? compareHref({ a: previous, b: source }) : null,
    };
  });
}
