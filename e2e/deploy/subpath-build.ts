import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { APP_DIR } from "./server";

const run = promisify(execFile);

/** What a build reads (its type check covers every TypeScript file): copied into the temporary app. */
const SOURCES = [
  "app",
  "cli",
  "components",
  "lib",
  "scripts",
  "e2e",
  "bench",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];

function hashSources(basePath: string): string {
  const hash = createHash("sha256").update(basePath);
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      hash.update(path).update(readFileSync(path));
    }
  };
  for (const source of SOURCES) visit(join(APP_DIR, source));
  return hash.digest("hex").slice(0, 16);
}

/**
 * A production build served under `basePath`, made in a temporary copy of the app so that the
 * checkout's own `.next` (used by the other tests and other people) is untouched. node_modules is
 * hard-linked (Turbopack refuses a symbolic link out of the project). A build of the same sources
 * is reused. Returns the folder holding its `server.js`.
 */
export async function buildWithBasePath(basePath: string): Promise<string> {
  const key = hashSources(basePath);
  const dir = join(tmpdir(), `tapedeck-subpath-${key}`);
  const standalone = join(dir, ".next", "standalone");
  if (existsSync(join(standalone, ".next", "STATIC_PREPARED"))) return standalone;

  for (const name of readdirSync(tmpdir())) {
    if (name.startsWith("tapedeck-subpath-")) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  for (const source of SOURCES) {
    if (existsSync(join(APP_DIR, source)))
      cpSync(join(APP_DIR, source), join(dir, source), { recursive: true });
  }
  await run("cp", ["-al", join(APP_DIR, "node_modules"), join(dir, "node_modules")]);
  const env = { ...process.env, TAPEDECK_BASE_PATH: basePath, NEXT_TELEMETRY_DISABLED: "1" };
  await run(process.execPath, [join(dir, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: dir,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  await run(process.execPath, [join(dir, "scripts", "prepare-standalone.mjs"), dir], { cwd: dir, env });
  return standalone;
}
