"use server";

import { getIndex } from "@/lib/index/server-index";
import { relPathFromSegments } from "@/lib/index/rel-path";
import { rawJsonText } from "@/lib/views/recording/raw-json";

/**
 * The whole Raw JSON text of a recording, fetched when the reader asks for it, so a long file's
 * page does not carry megabytes it may never show. Only indexed files can be read.
 */
export async function loadRawJson(relPath: unknown): Promise<string | null> {
  if (typeof relPath !== "string") return null;
  const path = relPathFromSegments(relPath.split("/"));
  if (path === null) return null;
  const opened = await (await getIndex()).open(path);
  if (!opened) return null;
  return rawJsonText(opened.read.text, opened.read.decoded.raw);
}
