import { spawn } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ConfigError, readConfig } from "@/lib/config";
import { parseCommand, UsageError } from "./args";
import { packagedServer } from "./packaged-server";

export const SERVE_HELP = `Usage: tapedeck serve [dir] [--port N] [--host H]

Serves the production app (the standalone server) on a recordings directory, building it first
when the build is missing, older than the sources, or made for another TAPEDECK_BASE_PATH.

Arguments:
  dir          the recordings root (default: $TAPEDECK_ROOT, else ./recordings)

Options:
  --port N     port to listen on (default: $PORT, else 3000)
  --host H     host to bind (default: $HOST, else $HOSTNAME, else 127.0.0.1)
  -h, --help   show this help

The other settings (TAPEDECK_AUTH, TAPEDECK_BASE_PATH, TAPEDECK_GIT, TAPEDECK_MAX_FILE_MB) come from
the environment and are checked before anything starts.`;

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(APP_DIR, ".next");
const SERVER = join(DIST, "standalone", "server.js");
const SOURCES = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package.json",
  "postcss.config.mjs",
];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

const requiredServerFiles = z.object({ config: z.object({ basePath: z.string() }) });

/** Why the standalone build must be (re)made, or null when it is current. */
async function buildReason(basePath: string): Promise<string | null> {
  const build = await stat(join(DIST, "BUILD_ID")).catch(() => null);
  if (!build || !(await stat(SERVER).catch(() => null))) return "first run";
  if (!(await stat(join(DIST, "standalone", ".next", "static")).catch(() => null))) return "first run";
  const newest = Math.max(
    ...(await Promise.all(SOURCES.map((source) => newestMtime(join(APP_DIR, source))))),
  );
  if (newest > build.mtimeMs) return "sources changed";
  const files = requiredServerFiles.safeParse(
    JSON.parse(await readFile(join(DIST, "required-server-files.json"), "utf8").catch(() => "null")),
  );
  if (!files.success) return "first run";
  if (files.data.config.basePath !== basePath) return `TAPEDECK_BASE_PATH is now "${basePath || "/"}"`;
  return null;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: APP_DIR, env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once("SIGINT", forward);
    process.once("SIGTERM", forward);
    child.on("error", fail);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      done(code ?? (signal ? 1 : 0));
    });
  });
}

/** The standalone server's `server.js`, built first when needed (`npm run build`); 0 when ready. */
export async function ensureStandaloneBuild(basePath: string, env: NodeJS.ProcessEnv): Promise<number> {
  const reason = await buildReason(basePath);
  if (reason === null) return 0;
  console.log(`tapedeck: building the app (${reason})…`);
  const built = await run([join(APP_DIR, "node_modules", "next", "dist", "bin", "next"), "build"], env);
  if (built !== 0) return built;
  return run([join(APP_DIR, "scripts", "prepare-standalone.mjs"), APP_DIR], env);
}

export const STANDALONE_SERVER = SERVER;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    argv,
    { port: { type: "string" }, host: { type: "string" } },
    SERVE_HELP,
  );
  if (values.help) {
    console.log(SERVE_HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`unexpected argument: ${positionals[1] ?? ""}`, SERVE_HELP);
  const root = resolve(positionals[0] ?? process.env.TAPEDECK_ROOT ?? "recordings");
  const rootInfo = await stat(root).catch(() => null);
  if (!rootInfo?.isDirectory()) throw new UsageError(`not a directory: ${root}`, SERVE_HELP);
  const port = values.port ?? process.env.PORT ?? "3000";
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw new UsageError(`--port must be a number from 1 to 65535, got "${port}"`, SERVE_HELP);
  }
  const host = values.host || process.env.HOST || process.env.HOSTNAME || "127.0.0.1";

  // The standalone server reads PORT and HOSTNAME; every path is made absolute, since it runs
  // from its own folder.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TAPEDECK_ROOT: root,
    PORT: port,
    HOSTNAME: host,
    HOST: host,
  };
  if (env.TAPEDECK_CACHE_DIR) env.TAPEDECK_CACHE_DIR = resolve(env.TAPEDECK_CACHE_DIR);
  let basePath: string;
  try {
    basePath = readConfig(env).basePath;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.problems.join("\n"), "");
    throw error;
  }

  // An installed package ships its server built for "/"; a checkout builds from its sources.
  const packaged = await packagedServer();
  if (packaged && packaged.basePath !== basePath) {
    throw new UsageError(
      `TAPEDECK_BASE_PATH: this package's server is built for "${packaged.basePath || "/"}"; serving under "${basePath || "/"}" needs a build from the sources (a checkout of Tapedeck)`,
      "",
    );
  }
  if (!packaged) {
    const built = await ensureStandaloneBuild(basePath, env);
    if (built !== 0) return built;
  }
  console.log(`tapedeck: serving ${root} at http://${host}:${port}${basePath}`);
  return run([packaged?.server ?? SERVER], env);
}
