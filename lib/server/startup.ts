import { readFileSync } from "node:fs";
import { ConfigError, isLoopback, readConfig, type Config, type Env } from "@/lib/config";

export interface StartupReport {
  config: Config;
  warnings: string[];
}

/**
 * Checks the configuration of a server that is starting. Throws `ConfigError` for a bad value, or a
 * base path this build was not made for; returns the warnings to print. `builtBasePath` is the
 * `basePath` compiled into the build, `bindHost` the address the server really listens on.
 */
export function checkStartup(env: Env, builtBasePath: string, bindHost: string): StartupReport {
  const config = readConfig(env);
  if (config.basePath !== builtBasePath) {
    const built = builtBasePath === "" ? "at /" : `under ${builtBasePath}`;
    throw new ConfigError([
      `TAPEDECK_BASE_PATH: is "${config.basePath || "(unset)"}" but this build serves ${built}; the base path is ` +
        `applied at build time: rebuild with TAPEDECK_BASE_PATH=${config.basePath || "(unset)"} (npm run build)`,
    ]);
  }
  const warnings: string[] = [];
  if (env.HOST && env.HOST !== bindHost) {
    warnings.push(
      `HOST=${env.HOST} is not applied by the standalone server, which listens on HOSTNAME (${bindHost}); set HOSTNAME, or start with "tapedeck serve".`,
    );
  }
  if (!isLoopback(bindHost) && config.auth === null) {
    warnings.push(
      `listening on ${bindHost}, reachable from other machines, without authentication: set TAPEDECK_AUTH=user:password, or HOSTNAME=127.0.0.1 behind a reverse proxy that authenticates.`,
    );
  }
  return { config, warnings };
}

/** Parses `NAME=value` entries separated by NUL, as in `/proc/<pid>/environ`. */
export function parseEnviron(text: string): Env {
  const env: Env = {};
  for (const entry of text.split("\0")) {
    const equals = entry.indexOf("=");
    if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return env;
}

/**
 * The environment the process was started with, where the system keeps it (Linux), else null:
 * Next's server overwrites `PORT` with the port it parsed (`parseInt`, so `80abc` became 80)
 * before our check runs.
 */
export function initialEnvironment(): Env | null {
  try {
    return parseEnviron(readFileSync("/proc/self/environ", "utf8"));
  } catch {
    return null;
  }
}

/**
 * Runs once when the production server starts (from instrumentation.ts): refuses a bad
 * configuration with a message naming the variable and a non-zero exit, prints the warnings, and
 * makes the relative paths of the environment absolute (the standalone server has changed its
 * working folder by now).
 */
export function startServerChecks(env: Env = process.env): void {
  const builtBasePath = process.env.TAPEDECK_BUILT_BASE_PATH ?? "";
  const bindHost = env.HOSTNAME || "0.0.0.0";
  const initial = initialEnvironment();
  const given = initial === null ? env : { ...env, PORT: initial.PORT };
  try {
    const { config, warnings } = checkStartup(given, builtBasePath, bindHost);
    for (const warning of warnings) console.warn(`tapedeck: warning: ${warning}`);
    env.TAPEDECK_ROOT = config.root;
    if (config.cacheDir !== null) env.TAPEDECK_CACHE_DIR = config.cacheDir;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(`tapedeck: invalid configuration: ${problem}`);
    process.exit(1);
  }
}
