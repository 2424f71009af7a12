import { git, GitError } from "./git-cli";

/** A revision or path that git must not see: bad input from a request or the command line. */
export class BadRevision extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadRevision";
  }
}

/** Rejects what could be read as an option or is not a plausible revision, before git sees it. */
export function checkRevisionText(rev: string): void {
  if (rev === "") throw new BadRevision("the revision is empty");
  if (rev.startsWith("-")) throw new BadRevision(`refusing revision "${rev}": it starts with "-"`);
  if (/[\0\n\r]/.test(rev) || rev.length > 256)
    throw new BadRevision("the revision has forbidden characters");
}

/** Rejects a repository path that is absolute, climbs out, or could be read as an option. */
export function checkRepoPath(path: string): void {
  if (path === "" || path.startsWith("-") || path.startsWith("/") || /[\0\n\r]/.test(path)) {
    throw new BadRevision(`refusing path "${path}"`);
  }
  if (path.split("/").some((segment) => segment === "..")) throw new BadRevision(`refusing path "${path}"`);
}

/** Resolves a revision to a commit id (`git rev-parse --verify`), or throws `BadRevision`. */
export async function verifyRevision(repo: string, rev: string): Promise<string> {
  checkRevisionText(rev);
  try {
    const sha = (
      await git(repo, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`])
    ).trim();
    if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new BadRevision(`unknown revision "${rev}"`);
    return sha;
  } catch (error) {
    if (error instanceof GitError) throw new BadRevision(`unknown revision "${rev}"`);
    throw error;
  }
}
