import { statSync } from "node:fs";
import { isIP } from "node:net";
import { isAbsolute, relative, resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_LIMITS, type ReadLimits } from "@/lib/model/limits";

const MB = 1024 * 1024;

const HOST_NAME =
  /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*$/;

/** A host name or an IP address (`127.0.0.1`, `0.0.0.0`, `::`, `dashboard.internal`): no scheme, no port. */
const host = z.string().refine((value) => isIP(value) !== 0 || HOST_NAME.test(value), {
  error: "must be a host name or an IP address, such as 127.0.0.1 or 0.0.0.0 (no scheme, no port)",
});

const megabytes = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number of megabytes" })
    .positive("must be a positive number of megabytes")
    .default(fallback);

/** The reading limits (`ReadLimits`), each with its variable. */
const limitVariables = {
  TAPEDECK_MAX_FILE_MB: megabytes(DEFAULT_LIMITS.maxFileBytes / MB),
  TAPEDECK_MAX_DECODED_MB: megabytes(DEFAULT_LIMITS.maxDecodedBytes / MB),
  TAPEDECK_MAX_YAML_ALIASES: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .default(DEFAULT_LIMITS.maxYamlAliases),
  TAPEDECK_MAX_STREAM_EVENTS: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .default(DEFAULT_LIMITS.maxStreamEvents),
};
const limitsSchema = z.object(limitVariables);

function limitsOf(data: z.infer<typeof limitsSchema>): ReadLimits {
  return {
    maxFileBytes: Math.round(data.TAPEDECK_MAX_FILE_MB * MB),
    maxDecodedBytes: Math.round(data.TAPEDECK_MAX_DECODED_MB * MB),
    maxYamlAliases: data.TAPEDECK_MAX_YAML_ALIASES,
    maxStreamEvents: data.TAPEDECK_MAX_STREAM_EVENTS,
    maxDepth: DEFAULT_LIMITS.maxDepth,
  };
}

/** The reading limits from the environment alone (for the command line); throws `ConfigError`. */
export function loadLimits(env: Env = process.env): ReadLimits {
  const entries = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = limitsSchema.safeParse(entries);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return limitsOf(parsed.data);
}

/**
 * The limits of this process's environment, for readers called without limits (a diff, a review,
 * the history of a file): the environment's, or the defaults when a value is invalid (every
 * command and the server name an invalid value when they start).
 */
export function environmentLimits(env: Env = process.env): ReadLimits {
  // Called for every file read: the four variables are compared, not parsed again.
  const key = LIMIT_NAMES.map((name) => env[name] ?? "").join("\0");
  if (lastLimits?.key === key) return lastLimits.limits;
  let limits: ReadLimits;
  try {
    limits = loadLimits(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    limits = DEFAULT_LIMITS;
  }
  lastLimits = { key, limits };
  return limits;
}

const LIMIT_NAMES = Object.keys(limitVariables);
let lastLimits: { key: string; limits: ReadLimits } | null = null;

const envSchema = z.object({
  TAPEDECK_ROOT: z.string().default("recordings"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be a port number from 1 to 65535")
    .max(65535, "must be a port number from 1 to 65535")
    .default(3000),
  HOST: host.optional(),
  HOSTNAME: host.optional(),
  TAPEDECK_BASE_PATH: z
    .string()
    .check((ctx) => {
      const path = ctx.value;
      const message = !path.startsWith("/")
        ? 'must start with "/", such as /tapedeck'
        : path.endsWith("/")
          ? 'must not end with "/" (leave it unset to serve at /)'
          : !/^(\/[A-Za-z0-9._~-]+)+$/.test(path)
            ? "must be path segments of letters, digits and . _ ~ -, such as /tools/tapedeck"
            : null;
      if (message !== null) ctx.issues.push({ code: "custom", message, input: path });
    })
    .optional(),
  TAPEDECK_AUTH: z
    .string()
    .regex(/^[^:]+:.+$/s, { error: 'must be "user:password" (a user name without ":", then a password)' })
    .optional(),
  ...limitVariables,
  TAPEDECK_GIT: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  TAPEDECK_CACHE_DIR: z.string().optional(),
});

export interface Config {
  /** The recordings root, absolute. */
  root: string;
  port: number;
  /** `HOST`, else Next's `HOSTNAME`, else every interface (the standalone server's default). */
  host: string;
  /** The sub-path the app is served under, `""` for `/`. Applied at build time. */
  basePath: string;
  /** HTTP basic auth credentials, or null when the server is open. */
  auth: { user: string; password: string } | null;
  limits: ReadLimits;
  /** False when `TAPEDECK_GIT=off`: history, compare by revision and review are turned off. */
  gitEnabled: boolean;
  /** `TAPEDECK_CACHE_DIR`, absolute, or null for the user's cache folder. */
  cacheDir: string | null;
}

/** The environment, as `process.env` or a plain object in tests. */
export type Env = Record<string, string | undefined>;

/** A bad configuration value; the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/**
 * Where relative paths in the environment are resolved. The standalone server changes its working
 * folder to its own (`.next/standalone`) before any of our code runs, so there the folder it was
 * started from is the shell's `PWD`.
 */
export function launchDirectory(env: Env = process.env): string {
  const standalone = env.__NEXT_PRIVATE_STANDALONE_CONFIG !== undefined;
  return standalone && env.PWD && isAbsolute(env.PWD) ? env.PWD : process.cwd();
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Empty variables count as unset, except `TAPEDECK_AUTH`: a blank secret must not open the server. */
function withoutEmpty(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && (value.trim() !== "" || key === "TAPEDECK_AUTH")) out[key] = value;
  }
  return out;
}

/** Reads the configuration from the environment; every bad value is reported, each naming its variable. */
export function readConfig(env: Env = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const data = parsed.data;
  const base = launchDirectory(env);
  const root = resolve(base, data.TAPEDECK_ROOT);
  const cacheDir = data.TAPEDECK_CACHE_DIR === undefined ? null : resolve(base, data.TAPEDECK_CACHE_DIR);

  const problems: string[] = [];
  const rootInfo = statSync(root, { throwIfNoEntry: false });
  if (!rootInfo) problems.push(`TAPEDECK_ROOT: no such folder: ${root}`);
  else if (!rootInfo.isDirectory()) problems.push(`TAPEDECK_ROOT: not a folder: ${root}`);
  if (cacheDir !== null && isInside(root, cacheDir)) {
    problems.push(
      `TAPEDECK_CACHE_DIR: must be outside the recordings root (${root}): Tapedeck never writes there`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const colon = data.TAPEDECK_AUTH?.indexOf(":") ?? -1;
  return {
    root,
    port: data.PORT,
    host: data.HOST ?? data.HOSTNAME ?? "0.0.0.0",
    basePath: data.TAPEDECK_BASE_PATH ?? "",
    auth:
      data.TAPEDECK_AUTH === undefined
        ? null
        : { user: data.TAPEDECK_AUTH.slice(0, colon), password: data.TAPEDECK_AUTH.slice(colon + 1) },
    limits: limitsOf(data),
    gitEnabled: data.TAPEDECK_GIT === "on",
    cacheDir,
  };
}

/** True for an address only this machine can reach. */
export function isLoopback(hostName: string): boolean {
  const name = hostName.toLowerCase();
  return name === "localhost" || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name);
}

/** Why the git features are off, or null when they are on. Pages and routes show this message. */
export function gitDisabledReason(env: Env = process.env): string | null {
  return env.TAPEDECK_GIT?.trim() === "off"
    ? "Git features are turned off on this server (TAPEDECK_GIT=off): history, comparing by revision and review are not available."
    : null;
}
