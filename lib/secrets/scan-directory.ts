import { join } from "node:path";
import { DEFAULT_LIMITS, type ReadLimits } from "@/lib/model/limits";
import { readRecording } from "@/lib/recording/read-recording";
import { discoverRecordings } from "@/lib/sources/discover";
import { loadAllowList, notAllowed } from "./allow-list";
import { publicFinding, type SecretFinding } from "./finding";
import { detectInSource } from "./masked-source";

/** A finding with the file it is in (the scanned directory joined with the file's path). */
export interface FileFinding extends SecretFinding {
  path: string;
}

export interface SecretsReport {
  /** Recording files scanned (candidates that are not recordings are skipped, as `check` does). */
  files: number;
  findings: FileFinding[];
  /** Findings the allow-list covers: not reported. */
  allowed: number;
}

/** Scans every recording under `dir` for credentials; the allow-list of `dir` (and its repository) applies. */
export async function scanDirectory(
  dir: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<SecretsReport> {
  const [files, allowList] = await Promise.all([discoverRecordings(dir), loadAllowList(dir)]);
  const report: SecretsReport = { files: 0, findings: [], allowed: 0 };
  const byFile = new Map<string, FileFinding[]>();
  const queue = [...files];
  async function worker(): Promise<void> {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const read = await readRecording(file.path, file.relPath, limits);
      if (!read.decoded.ok && !read.decoded.startsLikeRecording && !file.inRecordingFolder) continue;
      report.files++;
      const detected = await detectInSource(read);
      const kept = notAllowed(detected, allowList);
      report.allowed += detected.length - kept.length;
      const path = join(dir, file.relPath);
      byFile.set(
        path,
        kept.map((finding) => ({ path, ...publicFinding(finding) })),
      );
    }
  }
  // A few files at a time, as `check` reads them: I/O overlaps scanning, memory stays bounded.
  await Promise.all(Array.from({ length: 4 }, worker));
  const paths = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) report.findings.push(...(byFile.get(path) ?? []));
  return report;
}
