import { readConfig } from "@/lib/config";
import { RecordingIndex } from "./recording-index";

declare global {
  // One index per server process, shared by every request (and kept across dev reloads).
  var __tapedeckIndex: Promise<RecordingIndex> | undefined;
}

/** The index of the configured root, opened (watched, scanned for credentials) on first use. */
export function getIndex(): Promise<RecordingIndex> {
  globalThis.__tapedeckIndex ??= (async () => {
    const config = readConfig();
    const index = await RecordingIndex.open({ root: config.root, limits: config.limits });
    index.watch();
    // The lists, search and overview show excerpts, masked once a file is scanned for
    // credentials: the server answers once the first scan is done (later changes are scanned
    // moments after their refresh).
    await index.secretsScanned();
    // Build the search engine now, off the request path, so the first search does not pay for it.
    setImmediate(() => index.searchIndex());
    return index;
  })().catch((error: unknown) => {
    globalThis.__tapedeckIndex = undefined;
    throw error;
  });
  return globalThis.__tapedeckIndex;
}
