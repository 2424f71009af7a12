"use server";

import { z } from "zod";
import { getIndex } from "@/lib/index/server-index";
import { relPathFromSegments } from "@/lib/index/rel-path";
import { chunkWindow, type ChunkWindow } from "@/lib/views/recording/chunk-window";

const args = z.tuple([z.string(), z.number().int().min(0), z.number().int().min(0)]);

/**
 * The window of a long stream's timeline rows that holds chunk `chunk`, loaded when the reader
 * goes to it (a deep `#chunk-N` link, the window buttons): the page carries one window only.
 * `interaction` is the stream's interaction (0 for a llama-stack recording). Only indexed files
 * are read; the arguments come from the browser, so they are checked.
 */
export async function loadChunkWindow(
  relPath: unknown,
  interaction: unknown,
  chunk: unknown,
): Promise<ChunkWindow | null> {
  const parsed = args.safeParse([relPath, interaction, chunk]);
  if (!parsed.success) return null;
  const [rel, at, index] = parsed.data;
  const path = relPathFromSegments(rel.split("/"));
  if (path === null) return null;
  const opened = await (await getIndex()).open(path);
  if (!opened?.read.decoded.ok) return null;
  const { interactions } = opened.read.decoded.file;
  const found = interactions[at]?.index === at ? interactions[at] : interactions.find((i) => i.index === at);
  const response = found?.exchange.response;
  if (response?.type !== "message") return null;
  return chunkWindow(response.chunks, index);
}
