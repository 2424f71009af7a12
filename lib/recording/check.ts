import { join } from "node:path";
import type { Family } from "@/lib/model/exchange";
import { DEFAULT_LIMITS, type ReadLimits } from "@/lib/model/limits";
import type { RecordingFormat } from "@/lib/model/recording-file";
import { discoverRecordings } from "@/lib/sources/discover";
import { readRecording, type ReadRecording } from "./read-recording";

export interface CheckReport {
  /** Recording files: every candidate but the skipped ones. */
  files: number;
  interactions: number;
  /** Files by recorder. */
  formats: Partial<Record<RecordingFormat, number>>;
  /** Interactions each provider decoded (the generic fallback is counted apart). */
  decoded: Partial<Record<Family, number>>;
  /** Interactions no provider claimed. */
  generic: number;
  /** Where the generic interactions went, by host. */
  genericHosts: Record<string, number>;
  /** Generic interactions with why no provider matched. */
  genericFiles: { path: string; interaction: number | null; reason: string }[];
  /** Candidates that are not recordings (outside recordings folders). */
  skipped: number;
  failed: { path: string; reason: string }[];
  /** Interactions of files that opened but could not be read fully. */
  interactionProblems: { path: string; interaction: number; reason: string }[];
}

/** Also given each recording file as read (skipped candidates are not), with its path as reported. */
export type VisitRecording = (read: ReadRecording, shownPath: string) => Promise<void>;

/**
 * Decodes every recording under `dir`. Paths in the report are `dir` joined with the file's path.
 * `visit` lets another pass (the secrets scan of `check --secrets`) use each file as read here,
 * rather than reading and decoding the directory a second time.
 */
export async function checkDirectory(
  dir: string,
  limits: ReadLimits = DEFAULT_LIMITS,
  visit: VisitRecording | null = null,
): Promise<CheckReport> {
  const files = await discoverRecordings(dir);
  const report: CheckReport = {
    files: 0,
    interactions: 0,
    formats: {},
    decoded: {},
    generic: 0,
    genericHosts: {},
    genericFiles: [],
    skipped: 0,
    failed: [],
    interactionProblems: [],
  };
  // A few files at a time: enough to overlap I/O with decoding, few enough to bound memory.
  const queue = [...files];
  async function worker(): Promise<void> {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const shownPath = join(dir, file.relPath);
      const read = await readRecording(file.path, file.relPath, limits);
      const { decoded } = read;
      if (!decoded.ok && !decoded.startsLikeRecording && !file.inRecordingFolder) {
        report.skipped++;
        continue;
      }
      if (visit) await visit(read, shownPath);
      if (!decoded.ok) {
        report.files++;
        report.failed.push({ path: shownPath, reason: decoded.reason });
        continue;
      }
      report.files++;
      const { format, interactions } = decoded.file;
      report.formats[format] = (report.formats[format] ?? 0) + 1;
      report.interactions += interactions.length;
      for (const { index, exchange, http, problem } of interactions) {
        const at = format === "llama-stack" ? null : index;
        if (problem !== null)
          report.interactionProblems.push({ path: shownPath, interaction: index, reason: problem });
        if (exchange.family === "generic") {
          report.generic++;
          const host = http?.host ?? exchange.request.host ?? "(no host)";
          report.genericHosts[host] = (report.genericHosts[host] ?? 0) + 1;
          report.genericFiles.push({ path: shownPath, interaction: at, reason: exchange.notes.join("; ") });
        } else {
          report.decoded[exchange.family] = (report.decoded[exchange.family] ?? 0) + 1;
        }
      }
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker));
  const byPath = (a: { path: string }, b: { path: string }) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  report.failed.sort(byPath);
  report.genericFiles.sort(byPath);
  report.interactionProblems.sort(byPath);
  return report;
}
