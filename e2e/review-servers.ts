import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The review end-to-end tests (e2e/review.spec.ts) run on two servers of their own: one on a git
 * repository built by e2e/fixtures/make-review-repo.mjs (root inside the repository, so paths have
 * a prefix), one on a folder outside git.
 */
const PORT = Number(process.env.E2E_PORT ?? 3217);
export const REVIEW_PORT = PORT + 2;
export const PLAIN_PORT = PORT + 3;
export const REVIEW_DIR = join(tmpdir(), `tapedeck-e2e-review-${REVIEW_PORT}`);
export const PLAIN_DIR = join(tmpdir(), `tapedeck-e2e-plain-${PLAIN_PORT}`);
export const REVIEW_URL = `http://127.0.0.1:${REVIEW_PORT}`;
export const PLAIN_URL = `http://127.0.0.1:${PLAIN_PORT}`;

/** The two web server entries, started with the config's server command. */
export function reviewWebServers(serve: (port: number) => string) {
  const entry = (port: number, fixture: string, root: string, cache: string) => ({
    command: `node e2e/fixtures/make-review-repo.mjs ${fixture} && ${serve(port)}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { TAPEDECK_ROOT: root, TAPEDECK_CACHE_DIR: cache },
  });
  return [
    entry(REVIEW_PORT, REVIEW_DIR, join(REVIEW_DIR, "repo", "recordings"), join(REVIEW_DIR, "cache")),
    entry(
      PLAIN_PORT,
      `--plain ${join(PLAIN_DIR, "root")}`,
      join(PLAIN_DIR, "root"),
      join(PLAIN_DIR, "cache"),
    ),
  ];
}
