import { readConfig } from "@/lib/config";
import { getIndex } from "@/lib/index/server-index";
import { RequestCatalog } from "@/lib/match/request-catalog";

declare global {
  // One catalog per server process, beside the index it follows.
  var __tapedeckCatalog: Promise<RequestCatalog> | undefined;
}

/**
 * The recorded requests of the served root, in step with the index: the files the index holds
 * (watched, so changes arrive on their own) are read again only when their size or time moved.
 */
export async function servedCatalog(): Promise<RequestCatalog> {
  const index = await getIndex();
  globalThis.__tapedeckCatalog ??= RequestCatalog.create(index.root, { limits: readConfig().limits }).catch(
    (error: unknown) => {
      globalThis.__tapedeckCatalog = undefined;
      throw error;
    },
  );
  const catalog = await globalThis.__tapedeckCatalog;
  const states = index
    .list()
    .filter((summary) => summary.broken === null)
    .map((summary) => ({ relPath: summary.relPath, size: summary.size, mtimeMs: summary.mtimeMs }));
  await catalog.sync(states);
  return catalog;
}
