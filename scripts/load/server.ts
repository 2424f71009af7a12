import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname } from "node:path";

export interface LoadServer {
  url: string;
  pid: number;
  /** Resident memory now, in bytes (VmRSS), and the kernel's peak so far (VmHWM). */
  memory(): Promise<{ rss: number; peak: number }>;
  /** Lines the server printed. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function statusKb(pid: number, field: string): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
}

/**
 * Starts the production standalone server (`serverJs`) on a free loopback port over `root` and waits (up to
 * `timeoutMs`) until `/api/health` answers, that is until the first index is built.
 */
export async function startLoadServer(
  serverJs: string,
  root: string,
  cacheDir: string,
  timeoutMs = 180_000,
): Promise<LoadServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [serverJs], {
    cwd: dirname(serverJs),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      TAPEDECK_ROOT: root,
      TAPEDECK_CACHE_DIR: cacheDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (output += data.toString()));
  let exited = false;
  const done = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await done;
    clearTimeout(killer);
  };
  process.once("exit", () => child.kill("SIGKILL"));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`the server exited while starting:\n${output}`);
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs / 1000}s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    memory: async () => ({ rss: await statusKb(pid, "VmRSS"), peak: await statusKb(pid, "VmHWM") }),
    output: () => output,
    stop,
  };
}
