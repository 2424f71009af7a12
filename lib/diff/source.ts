import { stat } from "node:fs/promises";
import { readRecording } from "@/lib/recording/read-recording";
import { decodeText, type Decoded } from "@/lib/recording/decode";
import { git, GitError } from "@/lib/git/git-cli";
import { BadRevision, checkRepoPath, verifyRevision } from "@/lib/git/revision";

/** Where one side of a comparison comes from. */
export type Source = { type: "file"; path: string } | { type: "git"; rev: string; path: string };

/** A side that was found and read; `decoded` may still be a broken recording. */
export interface LoadedSource {
  label: string;
  text: string | null;
  decoded: Decoded;
}

/** A source that cannot be used: bad revision, missing file, outside the root. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceError";
  }
}

/** `<rev>:<path>` → a git source; anything else is a file path. */
export function parseSource(text: string): Source {
  const colon = text.indexOf(":");
  if (colon > 0 && !/^[A-Za-z]:[\\/]/.test(text)) {
    return { type: "git", rev: text.slice(0, colon), path: text.slice(colon + 1) };
  }
  return { type: "file", path: text };
}

export function formatSource(source: Source): string {
  return source.type === "git" ? `${source.rev}:${source.path}` : source.path;
}

/** Reads `rev:path` from the repository at `repo` (path from the repository top). */
export async function readGitSource(repo: string, rev: string, path: string): Promise<LoadedSource> {
  try {
    checkRepoPath(path);
    const commit = await verifyRevision(repo, rev);
    const text = await git(repo, ["cat-file", "blob", `${commit}:${path}`]);
    return { label: `${rev}:${path}`, text, decoded: decodeText(text) };
  } catch (error) {
    if (error instanceof BadRevision) throw new SourceError(error.message);
    if (error instanceof GitError) throw new SourceError(`no file ${path} at ${rev}`);
    throw error;
  }
}

/**
 * Loads a source given on the command line: a file anywhere on disk (when it exists), else
 * `<rev>:<path>` read from the repository at `repo`.
 */
export async function loadCliSource(text: string, repo: string): Promise<LoadedSource> {
  const info = await stat(text).catch(() => null);
  if (info?.isFile()) {
    const read = await readRecording(text);
    return { label: text, text: read.text, decoded: read.decoded };
  }
  const source = parseSource(text);
  if (source.type === "file") throw new SourceError(`no such file: ${text}`);
  return readGitSource(repo, source.rev, source.path);
}
