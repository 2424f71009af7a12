import { gitDisabledReason, readConfig, type Env } from "@/lib/config";
import { repositoryTop } from "@/lib/git/git-cli";
import { BadRevision, verifyRevision } from "@/lib/git/revision";
import { parseSource } from "@/lib/sources/side-source";

function first(params: URLSearchParams, name: string): string {
  return params.get(name)?.trim() ?? "";
}

/** The revisions a page's URL names: `/review`'s base and head, `/compare`'s `<rev>:<path>` sides. */
export function requestedRevisions(pathname: string, params: URLSearchParams): string[] {
  if (pathname === "/review")
    return [first(params, "base"), first(params, "head")].filter((rev) => rev !== "");
  if (pathname === "/compare") {
    return [first(params, "a"), first(params, "b")].flatMap((text) => {
      if (text === "") return [];
      const source = parseSource(text);
      return source.type === "git" ? [source.rev] : [];
    });
  }
  return [];
}

// The root's repository does not move while the server runs: look it up once per root.
const tops = new Map<string, Promise<string | null>>();

/**
 * Revisions found in a repository lately, by `<repo>\0<rev>`, with when: a review's page, its
 * filters and every card's details ask for the same two, and each check is a git process (about
 * 12 ms of the server's thread under load). Only what exists is kept, and briefly: a branch
 * deleted meanwhile is then refused by the page itself, which says why.
 */
const found = new Map<string, number>();
const FOUND_FOR_MS = 10_000;
const FOUND_ENTRIES = 256;

async function verifiedLately(repo: string, rev: string, now = Date.now()): Promise<void> {
  const key = `${repo}\0${rev}`;
  const at = found.get(key);
  if (at !== undefined && now - at < FOUND_FOR_MS) return;
  await verifyRevision(repo, rev);
  if (found.size >= FOUND_ENTRIES) found.clear();
  found.set(key, now);
}

/**
 * Why the revision a `/review` or `/compare` URL names is refused (it starts with "-", has
 * forbidden characters) or unknown to the root's repository, or null. A page cannot set its own
 * status in the app router, so proxy.ts asks this first and answers 400 with the page, which
 * shows the same reason. Null too when git is off or the root is not in git: the page says so.
 */
export async function badRevision(
  pathname: string,
  params: URLSearchParams,
  env: Env = process.env,
): Promise<string | null> {
  const revisions = requestedRevisions(pathname, params);
  if (revisions.length === 0 || gitDisabledReason(env) !== null) return null;
  let root: string;
  try {
    root = readConfig(env).root;
  } catch {
    return null;
  }
  let top = tops.get(root);
  if (!top) {
    top = repositoryTop(root);
    tops.set(root, top);
  }
  const repo = await top;
  if (repo === null) return null;
  for (const rev of revisions) {
    try {
      await verifiedLately(repo, rev);
    } catch (error) {
      if (error instanceof BadRevision) return error.message;
      throw error;
    }
  }
  return null;
}
