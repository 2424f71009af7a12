import { execFile } from "node:child_process";
import { realpath } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export interface GithubRepo {
  owner: string;
  repo: string;
}

interface Checkout {
  toplevel: string;
  repo: GithubRepo;
  commit: string;
}

const GIT_TIMEOUT_MS = 3_000;
const MEMO_MS = 30_000;

/**
 * The GitHub repository an `origin` URL points at, or null for any other host.
 * Understands `https://github.com/o/r(.git)`, `git@github.com:o/r.git` and `ssh://git@github.com/o/r`.
 */
export function parseGithubRemote(url: string): GithubRepo | null {
  const trimmed = url.trim();
  const patterns = [
    /^(?:https?|git|ssh):\/\/(?:[^@/]+@)?(?:www\.)?github\.com(?::\d+)?\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/i,
    /^(?:[^@/]+@)?github\.com:([^/]+)\/([^/]+?)(?:\.git)?\/?$/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(trimmed);
    if (match?.[1] && match[2]) return { owner: match[1], repo: match[2] };
  }
  return null;
}

/** The blob URL of a file at a commit; each path segment is escaped. */
export function githubBlobUrl(repo: GithubRepo, commit: string, path: string): string {
  const escaped = path.split("/").map(encodeURIComponent).join("/");
  return `https://github.com/${repo.owner}/${repo.repo}/blob/${commit}/${escaped}`;
}

/** Runs git with an argument array (never a shell); null when git is missing or fails. */
function git(cwd: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile("git", ["-C", cwd, ...args], { timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      resolve(error ? null : stdout.trim());
    });
  });
}

async function readCheckout(root: string): Promise<Checkout | null> {
  const toplevel = await git(root, ["rev-parse", "--show-toplevel"]);
  if (!toplevel) return null;
  const [origin, commit] = await Promise.all([
    git(root, ["config", "--get", "remote.origin.url"]),
    git(root, ["rev-parse", "--verify", "HEAD"]),
  ]);
  const repo = origin ? parseGithubRemote(origin) : null;
  if (!repo || !commit || !/^[0-9a-f]{40,64}$/.test(commit)) return null;
  return { toplevel: await realpath(toplevel).catch(() => toplevel), repo, commit };
}

const memo = new Map<string, { at: number; checkout: Promise<Checkout | null> }>();

/**
 * A link to `relPath` (relative to `root`) on GitHub at the checked-out commit, when `root` is
 * inside a git checkout whose `origin` is on GitHub; otherwise null. Remembered for a short while.
 */
export async function githubFileLink(root: string, relPath: string): Promise<string | null> {
  const now = Date.now();
  let entry = memo.get(root);
  if (!entry || now - entry.at > MEMO_MS) {
    entry = { at: now, checkout: readCheckout(root).catch(() => null) };
    memo.set(root, entry);
  }
  const checkout = await entry.checkout;
  if (!checkout) return null;
  const realRoot = await realpath(root).catch(() => root);
  const inRepo = relative(checkout.toplevel, join(realRoot, relPath));
  if (inRepo === "" || inRepo.startsWith("..")) return null;
  return githubBlobUrl(checkout.repo, checkout.commit, inRepo.split(sep).join("/"));
}
