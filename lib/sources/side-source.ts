import { CatFileBatch, type BlobRead } from "@/lib/git/cat-file-batch";
import { BadRevision, checkRepoPath, verifyRevision } from "@/lib/git/revision";

/** Where one side of a comparison comes from. */
export type Source = { type: "file"; path: string } | { type: "git"; rev: string; path: string };

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

/**
 * The bytes of `rev:path` in the repository at `repo` (path from the repository top), or only its
 * size when it is past `maxBytes` (its size is asked first; its bytes are then never read). A
 * refused or unknown revision, or a path that is not there, is a `SourceError` with a reader's reason.
 */
export async function readGitBlob(
  repo: string,
  rev: string,
  path: string,
  maxBytes: number,
): Promise<Exclude<BlobRead, { kind: "missing" }>> {
  let commit: string;
  try {
    checkRepoPath(path);
    commit = await verifyRevision(repo, rev);
  } catch (error) {
    if (error instanceof BadRevision) throw new SourceError(error.message);
    throw error;
  }
  const batch = new CatFileBatch(repo, maxBytes);
  try {
    const read = await batch.readBlob(`${commit}:${path}`);
    if (read.kind === "missing") throw new SourceError(`no file ${path} at ${rev}`);
    return read;
  } finally {
    batch.close();
  }
}
