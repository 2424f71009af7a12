import { join } from "node:path";
import { LRUCache } from "lru-cache";
import { environmentLimits } from "@/lib/config";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import type { FileNameInfo } from "@/lib/recording/file-name";
import { fileNameInfo } from "@/lib/recording/name-check";
import { readFileBytes } from "@/lib/sources/read-file";

// Checking the name re-parses the whole file losslessly (a tenth of a second for a megabyte),
// so the answer is kept while the file is unchanged.
const cache = new LRUCache<string, FileNameInfo>({ max: 5000 });

/**
 * `fileNameInfo` of a recording, remembered per path, size and modification time; null when the
 * file cannot be read. The file is read again from `root`, as written: the pages hold it with its
 * credentials masked, and a masked value would change the request's hash. The answer holds hashes
 * only, never a value of the request.
 */
export async function recordingNameInfo(
  root: string,
  summary: RecordingSummary,
): Promise<FileNameInfo | null> {
  const key = `${summary.relPath}\0${summary.size}\0${summary.mtimeMs}`;
  const known = cache.get(key);
  if (known) return known;
  const read = await readFileBytes(join(root, summary.relPath), environmentLimits().maxFileBytes);
  if (!read.bytes) return null;
  const info = fileNameInfo(summary.fileName, read.bytes.toString("utf8"));
  cache.set(key, info);
  return info;
}
