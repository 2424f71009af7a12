import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A hash of the domain code, so the index cache of one build is never trusted by another. */
function codeFingerprint(dir = "lib") {
  const hash = createHash("sha256");
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) hash.update(child).update(readFileSync(child));
    }
  };
  visit(dir);
  return hash.digest("hex").slice(0, 16);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  env: { TAPEDECK_CODE_FINGERPRINT: codeFingerprint() },
  // The recordings root is read at run time; never bundle it.
  outputFileTracingExcludes: { "*": ["recordings/**", "e2e/**", "bench/**"] },
};

export default nextConfig;
