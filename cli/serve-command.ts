import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCommand, UsageError } from "./args";

export const SERVE_HELP = `Usage: tapedeck serve [dir] [--port N] [--host H]

Serves the production app on a recordings directory, building it first when the build is
missing or older than the sources.

Arguments:
  dir          the recordings root (default: $TAPEDECK_ROOT, else ./recordings)

Options:
  --port N     port to listen on (default: $PORT, else 3000)
  --host H     host to bind (default: $HOST, else 127.0.0.1)
  -h, --help   show this help`;

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = ["app", "components", "lib", "next.config.js", "package.json", "postcss.config.mjs"];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** True when there is no production build, or a source file is newer than it. */
async function needsBuild(): Promise<boolean> {
  const build = await stat(join(APP_DIR, ".next", "BUILD_ID")).catch(() => null);
  if (!build) return true;
  const newest = Math.max(
    ...(await Promise.all(SOURCES.map((source) => newestMtime(join(APP_DIR, source))))),
  );
  return newest > build.mtimeMs;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(APP_DIR, "node_modules", "next", "dist", "bin", "next"), ...args],
      {
        cwd: APP_DIR,
        env,
        stdio: "inherit",
      },
    );
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once("SIGINT", forward);
    process.once("SIGTERM", forward);
    child.on("error", fail);
    child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

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
  const host = values.host ?? process.env.HOST ?? "127.0.0.1";

  const env = { ...process.env, TAPEDECK_ROOT: root };
  if (await needsBuild()) {
    console.log("tapedeck: building the app (first run or sources changed)…");
    const code = await run(["build"], env);
    if (code !== 0) return code;
  }
  console.log(`tapedeck: serving ${root} at http://${host}:${port}`);
  return run(["start", "-H", host, "-p", port], env);
}
