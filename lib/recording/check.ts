import { join } from "node:path";
import type { Family } from "@/lib/model/exchange";
import { discoverRecordings } from "@/lib/sources/discover";
import { readRecording } from "@/lib/sources/read-file";

export interface CheckReport {
  files: number;
  /** Files each family decoded (the generic fallback is counted apart). */
  decoded: Partial<Record<Family, number>>;
  generic: number;
  /** Files that generic took, with why no decoder matched. */
  genericFiles: { path: string; reason: string }[];
  failed: { path: string; reason: string }[];
}

/** Decodes every recording under `dir`. Paths in the report are `dir` joined with the file's path. */
export async function checkDirectory(dir: string): Promise<CheckReport> {
  const files = await discoverRecordings(dir);
  const report: CheckReport = { files: files.length, decoded: {}, generic: 0, genericFiles: [], failed: [] };
  // A few files at a time: enough to overlap I/O with decoding, few enough to bound memory.
  const queue = [...files];
  async function worker(): Promise<void> {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const shownPath = join(dir, file.relPath);
      const { decoded } = await readRecording(file.path);
      if (!decoded.ok) {
        report.failed.push({ path: shownPath, reason: decoded.reason });
      } else if (decoded.exchange.family === "generic") {
        report.generic++;
        report.genericFiles.push({ path: shownPath, reason: decoded.exchange.notes.join("; ") });
      } else {
        const family = decoded.exchange.family;
        report.decoded[family] = (report.decoded[family] ?? 0) + 1;
      }
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker));
  report.failed.sort((a, b) => a.path.localeCompare(b.path));
  report.genericFiles.sort((a, b) => a.path.localeCompare(b.path));
  return report;
}
