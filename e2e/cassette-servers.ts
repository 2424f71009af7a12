import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The cassette end-to-end tests (e2e/cassette-review.spec.ts) run on a server of their own, on a
 * git repository of vcrpy and go-vcr cassettes built by e2e/fixtures/make-cassette-repo.mjs (the
 * root is the repository's top).
 */
const PORT = Number(process.env.E2E_PORT ?? 3217);
export const CASSETTE_PORT = PORT + 7;
export const CASSETTE_DIR = join(tmpdir(), `tapedeck-e2e-cassettes-${CASSETTE_PORT}`);
export const CASSETTE_URL = `http://127.0.0.1:${CASSETTE_PORT}`;

/** The web server entry, started with the config's server command. */
export function cassetteWebServer(serve: (port: number) => string) {
  return {
    command: `node e2e/fixtures/make-cassette-repo.mjs ${CASSETTE_DIR} && ${serve(CASSETTE_PORT)}`,
    url: `${CASSETTE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { TAPEDECK_ROOT: join(CASSETTE_DIR, "repo"), TAPEDECK_CACHE_DIR: join(CASSETTE_DIR, "cache") },
  };
}
