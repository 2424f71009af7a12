import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A hash of the domain code, so the index cache of one build is never trusted by another. */
function codeFingerprint(dir = "lib") {
  const hash = createHash("sha256");
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
        hash.update(child).update(readFileSync(child));
    }
  };
  visit(dir);
  return hash.digest("hex").slice(0, 16);
}

/**
 * The sub-path to serve under (`/tools/tapedeck`), compiled into the build: Next's `basePath` cannot
 * change at run time. The server refuses to start when TAPEDECK_BASE_PATH then differs.
 */
function basePath(value = process.env.TAPEDECK_BASE_PATH ?? "") {
  if (value === "") return "";
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(value)) {
    throw new Error(
      `Invalid configuration: TAPEDECK_BASE_PATH: must start with "/", not end with "/", and hold only letters, digits and . _ ~ - (got "${value}")`,
    );
  }
  return value;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  basePath: basePath(),
  poweredByHeader: false,
  env: { TAPEDECK_CODE_FINGERPRINT: codeFingerprint(), TAPEDECK_BUILT_BASE_PATH: basePath() },
  // The recordings root is read at run time; never bundle it.
  outputFileTracingExcludes: {
    "*": [
      "recordings/**",
      "e2e/**",
      "bench/**",
      "test-results/**",
      "playwright-report/**",
      ".tapedeck-cache/**",
    ],
  },
};

export default nextConfig;
