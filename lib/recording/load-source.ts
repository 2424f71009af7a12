import { stat } from "node:fs/promises";
import { environmentLimits } from "@/lib/config";
import { tooLargeReason } from "@/lib/git/cat-file-batch";
import type { ReadLimits } from "@/lib/model/limits";
import { parseSource, readGitBlob, SourceError } from "@/lib/sources/side-source";
import { decodeBytes, type Decoded } from "./decode";
import { readRecording } from "./read-recording";

/** A side that was found and read; `decoded` may still be a broken recording. */
export interface LoadedSource {
  label: string;
  text: string | null;
  decoded: Decoded;
}

/** Reads and decodes `rev:path` from the repository at `repo` (path from the repository top). */
export async function readGitSource(
  repo: string,
  rev: string,
  path: string,
  limits: ReadLimits = environmentLimits(),
): Promise<LoadedSource> {
  const label = `${rev}:${path}`;
  const read = await readGitBlob(repo, rev, path, limits.maxFileBytes);
  if (read.kind === "too-large") {
    const reason = tooLargeReason(read.size, read.maxBytes);
    return {
      label,
      text: null,
      decoded: { ok: false, kind: "too-large", reason, raw: undefined, startsLikeRecording: true },
    };
  }
  const { text, decoded } = decodeBytes(read.bytes, path, limits);
  return { label, text, decoded };
}

/**
 * Loads a source given on the command line: a file anywhere on disk (when it exists), else
 * `<rev>:<path>` read from the repository at `repo`.
 */
export async function loadCliSource(
  text: string,
  repo: string,
  limits: ReadLimits = environmentLimits(),
): Promise<LoadedSource> {
  const info = await stat(text).catch(() => null);
  if (info?.isFile()) {
    const read = await readRecording(text, text, limits);
    return { label: text, text: read.text, decoded: read.decoded };
  }
  const source = parseSource(text);
  if (source.type === "file") throw new SourceError(`no such file: ${text}`);
  return readGitSource(repo, source.rev, source.path, limits);
}
