import { LRUCache } from "lru-cache";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import { fileNameInfo, type FileNameInfo } from "@/lib/recording/file-name";

// Checking the name re-parses the whole file losslessly (a tenth of a second for a megabyte),
// so the answer is kept while the file is unchanged.
const cache = new LRUCache<string, FileNameInfo>({ max: 5000 });

/** `fileNameInfo` of a recording, remembered per path, size and modification time. */
export function recordingNameInfo(summary: RecordingSummary, text: string): FileNameInfo {
  const key = `${summary.relPath}\0${summary.size}\0${summary.mtimeMs}`;
  const known = cache.get(key);
  if (known) return known;
  const info = fileNameInfo(summary.fileName, text);
  cache.set(key, info);
  return info;
}
