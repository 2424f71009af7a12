import { gitDisabledReason } from "@/lib/config";
import { git } from "@/lib/git/git-cli";
import { repositoryTop } from "@/lib/git/git-cli";
import type { RecordingIndex } from "./recording-index";
import { relPathFromSegments } from "./rel-path";
import { readGitSource, type LoadedSource } from "@/lib/recording/load-source";
import { parseSource, SourceError } from "@/lib/sources/side-source";
import { scanAndMask } from "@/lib/secrets/masked-source";

/**
 * The root's place in its git checkout: the repository top and the root's prefix inside it.
 * Null outside git, and when the git features are turned off (`TAPEDECK_GIT=off`; the reason is
 * `gitDisabledReason()` from lib/config).
 */
export async function rootRepository(root: string): Promise<{ top: string; prefix: string } | null> {
  if (gitDisabledReason() !== null) return null;
  const top = await repositoryTop(root);
  if (!top) return null;
  const prefix = (await git(root, ["rev-parse", "--show-prefix"])).trim();
  return { top, prefix };
}

/**
 * Loads a source named in a URL: a path relative to the root (only files the index holds), or
 * `<rev>:<path>` with the path relative to the root, read from the root's repository.
 */
export async function loadRootSource(index: RecordingIndex, text: string): Promise<LoadedSource> {
  const source = parseSource(text);
  const relPath = relPathFromSegments(source.path.split("/"));
  if (relPath === null) throw new SourceError(`not a path inside the root: ${source.path}`);
  if (source.type === "file") {
    const opened = await index.open(relPath);
    if (!opened) throw new SourceError(`no recording ${relPath} under the root`);
    return { label: relPath, text: opened.read.text, decoded: opened.read.decoded };
  }
  const disabled = gitDisabledReason();
  if (disabled !== null) throw new SourceError(disabled);
  const repo = await rootRepository(index.root);
  if (!repo) throw new SourceError("the root is not inside a git checkout, so revisions cannot be read");
  const loaded = await readGitSource(repo.top, source.rev, `${repo.prefix}${relPath}`);
  // A file from the index is masked already (`index.open`); one from git is masked here.
  return { ...(await scanAndMask(loaded)).source, label: text };
}
