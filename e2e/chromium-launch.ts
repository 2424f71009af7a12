/**
 * How every browser run here launches Debian's Chromium (Playwright cannot download its own):
 * the tests (playwright.config.ts) and the page benchmarks. `CHROMIUM_PATH` overrides the path.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
