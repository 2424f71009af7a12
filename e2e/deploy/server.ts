import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The app's folder and the standalone server `npm run build` makes there. */
export const APP_DIR = fileURLToPath(new URL("../..", import.meta.url));
export const STANDALONE_DIR = join(APP_DIR, ".next", "standalone");

/** Variables of the test runner's own environment that must not leak into a server under test. */
const OWN = /^(PORT|HOST|HOSTNAME|TAPEDECK_.*|NEXT_.*|__NEXT_.*|NODE_ENV)$/;

/** A free loopback port (the standalone server reads PORT=0 as 3000, so one is picked here). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>` plus the base path. */
  url: string;
  port: number;
  process: ChildProcess;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Environment on top of a clean one; HOSTNAME is 127.0.0.1 unless given, PORT always a free port. */
  env: Record<string, string>;
  /** The command, as a Dockerfile's `CMD`, run in `cwd` (default `node server.js` in the standalone folder). */
  command?: readonly string[];
  cwd?: string;
  basePath?: string;
  timeoutMs?: number;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production" };
  for (const [key, value] of Object.entries(process.env)) if (!OWN.test(key)) env[key] = value;
  // Every server gets its own index cache, outside the roots under test.
  env.TAPEDECK_CACHE_DIR = mkdtempSync(join(tmpdir(), "tapedeck-cache-"));
  return { ...env, ...extra };
}

/** Removes the index cache `cleanEnv` made for a server that has ended (unless the test chose its own). */
function removeCache(env: NodeJS.ProcessEnv): void {
  const dir = env.TAPEDECK_CACHE_DIR;
  if (dir?.startsWith(join(tmpdir(), "tapedeck-cache-"))) rmSync(dir, { recursive: true, force: true });
}

/** Spawns a command with a clean environment; resolves with its exit code and output once it ends. */
export function runToExit(
  options: Omit<StartOptions, "basePath">,
): Promise<{ code: number | null; output: string }> {
  const [program = "node", ...args] = options.command ?? ["node", "server.js"];
  const env = cleanEnv(options.env);
  const child = spawn(program === "node" ? process.execPath : program, args, {
    cwd: options.cwd ?? STANDALONE_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr.on("data", (data: Buffer) => (output += data.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 20_000);
  return new Promise((done) =>
    child.on("close", (code) => {
      clearTimeout(timer);
      removeCache(env);
      done({ code, output });
    }),
  );
}

/**
 * Starts the standalone server the way the README and the Dockerfile do (`node server.js` in the
 * standalone folder, configured by the environment) on a free loopback port, and waits until
 * `/api/health` answers.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const basePath = options.basePath ?? "";
  const [program = "node", ...args] = options.command ?? ["node", "server.js"];
  const env = cleanEnv({ HOSTNAME: "127.0.0.1", ...options.env, PORT: String(port) });
  const child = spawn(program === "node" ? process.execPath : program, args, {
    cwd: options.cwd ?? STANDALONE_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // A test that times out must not leave its server behind.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  child.once("exit", () => process.off("exit", orphanGuard));
  let output = "";
  child.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (output += data.toString()));
  const exited = new Promise<void>((done) =>
    child.once("exit", () => {
      removeCache(env);
      done();
    }),
  );
  let ended = false;
  void exited.then(() => (ended = true));

  const url = `http://127.0.0.1:${port}${basePath}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (ended) throw new Error(`the server exited before answering:\n${output}`);
    const ok = await fetch(`${url}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer ${url}/api/health in time:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: async () => {
      if (ended) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * GET with the request target sent exactly as given: no dot-segment removal or re-encoding, which
 * `fetch` and browsers would do (`/recordings/../x` would never leave the client as written).
 */
export function rawGet(
  port: number,
  target: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const request = httpRequest(
      { host: "127.0.0.1", port, path: target, method: "GET", headers },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on("error", fail);
    request.end();
  });
}
