import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { cassetteWebServer } from "./e2e/cassette-servers";
import { reviewWebServers } from "./e2e/review-servers";
import { CHROMIUM_LAUNCH } from "./e2e/chromium-launch";

const PORT = Number(process.env.E2E_PORT ?? 3217);
/** The compare and history tests (e2e/compare.spec.ts) run on a git repository built for them. */
const GIT_PORT = PORT + 1;
const GIT_DIR = join(tmpdir(), `tapedeck-e2e-git-${GIT_PORT}`);

/** The production (standalone) server, as deployed: `npm run build` makes it. */
const standalone = (port: number) =>
  `node scripts/prepare-standalone.mjs && PORT=${port} HOSTNAME=127.0.0.1 node .next/standalone/server.js`;

/**
 * End-to-end tests drive Debian's Chromium (no browser download) against the production build
 * serving the project's own `recordings/`. Run `npm run build` first (`npm test` does).
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Hash the served recordings before the run and compare after it: the app never writes there.
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: CHROMIUM_LAUNCH,
    trace: "off",
  },
  webServer: [
    {
      command: standalone(PORT),
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        TAPEDECK_ROOT: "recordings",
        TAPEDECK_CACHE_DIR: "test-results/cache",
      },
    },
    {
      command: `node e2e/fixtures/make-git-root.mjs ${GIT_DIR} && ${standalone(GIT_PORT)}`,
      url: `http://127.0.0.1:${GIT_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        TAPEDECK_ROOT: join(GIT_DIR, "recordings"),
        // Inside the repository but outside the root, and rebuilt with it on every run.
        TAPEDECK_CACHE_DIR: join(GIT_DIR, ".tapedeck-cache"),
      },
    },
    ...reviewWebServers(standalone),
    cassetteWebServer(standalone),
  ],
});
