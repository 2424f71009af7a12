import { DEFAULT_LIMITS, type ReadLimits } from "@/lib/model/limits";
import { checkDirectory, type CheckReport, type VisitRecording } from "@/lib/recording/check";
import { loadAllowList, notAllowed } from "./allow-list";
import { publicFinding, type SecretFinding } from "./finding";
import { detectInSource } from "./masked-source";
import { SecretlintMemo } from "./secretlint-memo";

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

/**
 * Checks every recording under `dir` and scans each for credentials as it is read: one read and
 * one decoding a file for both reports. The allow-list of `dir` (and its repository) applies.
 */
export async function checkAndScanDirectory(
  dir: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ check: CheckReport; secrets: SecretsReport }> {
  // Read while the directory is walked.
  const allowList = loadAllowList(dir);
  const secrets: SecretsReport = { files: 0, findings: [], allowed: 0 };
  const byFile = new Map<string, FileFinding[]>();
  // Cassettes of one project share most headers, URLs and model names: each line is linted once.
  const memo = new SecretlintMemo();
  const visit: VisitRecording = async (read, path) => {
    secrets.files++;
    const detected = await detectInSource(read, memo);
    const kept = notAllowed(detected, await allowList);
    secrets.allowed += detected.length - kept.length;
    byFile.set(
      path,
      kept.map((finding) => ({ path, ...publicFinding(finding) })),
    );
  };
  const check = await checkDirectory(dir, limits, visit);
  const paths = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) secrets.findings.push(...(byFile.get(path) ?? []));
  return { check, secrets };
}

/** Scans every recording under `dir` for credentials; the allow-list of `dir` (and its repository) applies. */
export async function scanDirectory(
  dir: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<SecretsReport> {
  return (await checkAndScanDirectory(dir, limits)).secrets;
}
