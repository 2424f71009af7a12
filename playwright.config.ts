import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3217);

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
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    trace: "off",
  },
  webServer: {
    command: `node_modules/.bin/next start -H 127.0.0.1 -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      TAPEDECK_ROOT: "recordings",
      TAPEDECK_CACHE_DIR: "test-results/cache",
    },
  },
});
