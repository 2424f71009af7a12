import type { ReadLimits } from "@/lib/model/limits";
import { readRecording, type ReadRecording } from "@/lib/recording/read-recording";
import type { DetectedSecret } from "@/lib/secrets/finding";
import { detectInSource } from "@/lib/secrets/masked-source";
import { SecretlintMemo } from "@/lib/secrets/secretlint-memo";
import { summarize } from "./summary";
import type { RecordingSummary } from "./summary-schema";

/** How many credentials a file holds that `allowed` does not cover; null while it is not scanned. */
export function unallowedCount(summary: RecordingSummary, allowed: ReadonlySet<string>): number | null {
  if (summary.secrets === undefined) return null;
  return summary.secrets.filter((print) => !allowed.has(print)).length;
}

/** Credentials over every file, and the files that hold one. */
export function secretTotals(
  summaries: Iterable<RecordingSummary>,
  allowed: ReadonlySet<string>,
): { findings: number; files: number } {
  let findings = 0;
  let files = 0;
  for (const summary of summaries) {
    const count = unallowedCount(summary, allowed) ?? 0;
    findings += count;
    if (count > 0) files++;
  }
  return { findings, files };
}

/** Whether two allow-lists hold the same fingerprints. */
export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((print) => b.has(print));
}

/** Whether the credentials scan has looked at this summary's file (`secrets` is set once it has). */
export function isScanned(summary: RecordingSummary): boolean {
  return summary.secrets !== undefined;
}

/**
 * Scans a file for credentials: null when it is unchanged since indexed and holds none (its
 * summary stays as it is, marked scanned); else its summary again, with the fingerprints and the
 * excerpts masked. A file that changed since is summarized from what was read now, so a scan
 * always ends with a scanned summary.
 */
export async function scanForSecrets(
  root: string,
  summary: RecordingSummary,
  limits: ReadLimits,
  /** The file as indexing read it, when it was kept. */
  indexed: ReadRecording | null = null,
  /** Told what was found in the file as read (to open a kept file from it without a second scan). */
  found: (read: ReadRecording, detected: DetectedSecret[]) => void = () => {},
  /** Shared by the files of one scan (see `SecretlintMemo`). */
  memo?: SecretlintMemo,
): Promise<RecordingSummary | null> {
  const read = indexed ?? (await readRecording(`${root}/${summary.relPath}`, summary.relPath, limits));
  // Gone: the next refresh drops it; until then it holds nothing.
  if (!read.decoded.ok && read.decoded.kind === "missing") return null;
  const detected = await detectInSource(read, memo);
  found(read, detected);
  const unchanged = read.size === summary.size && read.mtimeMs === summary.mtimeMs;
  if (unchanged && detected.length === 0) return null;
  return summarize(summary.relPath, read, read.mtimeMs, detected);
}

/** A summary as indexed, and its new form once scanned for credentials (null: the same, none found). */
export interface Scanned {
  before: RecordingSummary;
  after: RecordingSummary | null;
}

/** Files scanned at a time, in the background: few, so requests keep their turn. */
const SCAN_CONCURRENCY = 2;
/** Scanned summaries are handed over this many at a time. */
const SCAN_BATCH = 256;

/**
 * Scans every summary of `queue` with `scan` (given one memo for the whole queue), handing the
 * results to `put` in batches, until `stopped`.
 */
export async function scanInBatches(
  queue: RecordingSummary[],
  scan: (summary: RecordingSummary, memo: SecretlintMemo) => Promise<RecordingSummary | null>,
  put: (batch: Scanned[]) => void,
  stopped: () => boolean,
): Promise<void> {
  let done: Scanned[] = [];
  const memo = new SecretlintMemo();
  const worker = async () => {
    for (let summary = queue.shift(); summary && !stopped(); summary = queue.shift()) {
      done.push({ before: summary, after: await scan(summary, memo) });
      if (done.length >= SCAN_BATCH) {
        put(done);
        done = [];
      }
    }
  };
  await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, worker));
  put(done);
}
