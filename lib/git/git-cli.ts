import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { join } from "node:path";

/** A git command that failed, with what it printed. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = "GitError";
  }
}

/**
 * Runs git in `repo` with an argument array (never a shell) and returns its standard output.
 * `GIT_TERMINAL_PROMPT=0`: nothing ever waits for input; `GIT_OPTIONAL_LOCKS=0`: reading never
 * refreshes `.git/index`, so a review of the working tree writes nothing.
 */
export async function git(
  repo: string,
  args: readonly string[],
  options: { maxBuffer?: number } = {},
): Promise<string> {
  return (await gitBytes(repo, args, options)).toString("utf8");
}

/** `git`, returning standard output as bytes (blobs: gzip'd cassettes, any encoding). */
export function gitBytes(
  repo: string,
  args: readonly string[],
  options: { maxBuffer?: number } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["-C", repo, ...args],
      {
        encoding: "buffer",
        maxBuffer: options.maxBuffer ?? 512 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" },
      },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.toString("utf8").trim().split("\n")[0] || error.message;
          reject(new GitError(`git ${args[0] ?? ""}: ${detail}`, stderr.toString("utf8")));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/**
 * `dir` when it holds `.git` (a folder, or the file of a worktree or submodule): the top of its
 * checkout, known without starting git (about 10 ms a process here); else `repositoryTop`.
 */
export async function checkoutTop(dir: string): Promise<string | null> {
  if (await stat(join(dir, ".git")).catch(() => null)) return dir;
  return repositoryTop(dir);
}

/** The top folder of the checkout holding `dir`, or null outside git. */
export async function repositoryTop(dir: string): Promise<string | null> {
  try {
    return (await git(dir, ["rev-parse", "--show-toplevel"])).trim() || null;
  } catch {
    return null;
  }
}
