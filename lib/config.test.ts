import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ConfigError,
  gitDisabledReason,
  isLoopback,
  launchDirectory,
  environmentLimits,
  loadLimits,
  readConfig,
  type Env,
} from "./config";
import { DEFAULT_LIMITS } from "@/lib/model/limits";

const root = mkdtempSync(join(tmpdir(), "tapedeck-config-"));
const file = join(root, "file.json");
writeFileSync(file, "{}");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The problems a configuration is refused with. */
function problems(env: Env): string[] {
  try {
    readConfig({ TAPEDECK_ROOT: root, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("readConfig", () => {
  it("has defaults for everything but the root", () => {
    expect(readConfig({ TAPEDECK_ROOT: root })).toEqual({
      root,
      port: 3000,
      host: "0.0.0.0",
      basePath: "",
      auth: null,
      limits: DEFAULT_LIMITS,
      gitEnabled: true,
      cacheDir: null,
    });
  });

  it("reads every variable", () => {
    const config = readConfig({
      TAPEDECK_ROOT: root,
      PORT: "8080",
      HOST: "127.0.0.1",
      TAPEDECK_BASE_PATH: "/tools/tapedeck",
      TAPEDECK_AUTH: "alice:s3cret:with:colons",
      TAPEDECK_MAX_FILE_MB: "1.5",
      TAPEDECK_MAX_DECODED_MB: "20",
      TAPEDECK_MAX_YAML_ALIASES: "50",
      TAPEDECK_MAX_STREAM_EVENTS: "5000",
      TAPEDECK_GIT: "off",
      TAPEDECK_CACHE_DIR: join(tmpdir(), "tapedeck-cache"),
    });
    expect(config).toEqual({
      root,
      port: 8080,
      host: "127.0.0.1",
      basePath: "/tools/tapedeck",
      auth: { user: "alice", password: "s3cret:with:colons" },
      limits: {
        maxFileBytes: Math.round(1.5 * 1024 * 1024),
        maxDecodedBytes: 20 * 1024 * 1024,
        maxYamlAliases: 50,
        maxStreamEvents: 5000,
        maxDepth: DEFAULT_LIMITS.maxDepth,
      },
      gitEnabled: false,
      cacheDir: join(tmpdir(), "tapedeck-cache"),
    });
  });

  it("takes HOST first, then Next's HOSTNAME", () => {
    expect(readConfig({ TAPEDECK_ROOT: root, HOSTNAME: "10.0.0.5" }).host).toBe("10.0.0.5");
    expect(readConfig({ TAPEDECK_ROOT: root, HOST: "::1", HOSTNAME: "10.0.0.5" }).host).toBe("::1");
    expect(readConfig({ TAPEDECK_ROOT: root, HOST: "dashboard.internal" }).host).toBe("dashboard.internal");
  });

  it("treats empty variables as unset", () => {
    expect(readConfig({ TAPEDECK_ROOT: root, PORT: "", HOST: " ", TAPEDECK_GIT: "" })).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      gitEnabled: true,
    });
  });

  it.each([
    [{ TAPEDECK_ROOT: join(root, "missing") }, `TAPEDECK_ROOT: no such folder: ${join(root, "missing")}`],
    [{ TAPEDECK_ROOT: file }, `TAPEDECK_ROOT: not a folder: ${file}`],
    [{ PORT: "http" }, "PORT: must be a port number"],
    [{ PORT: "0" }, "PORT: must be a port number from 1 to 65535"],
    [{ PORT: "65536" }, "PORT: must be a port number from 1 to 65535"],
    [{ PORT: "80.5" }, "PORT: must be a whole number"],
    [{ HOST: "http://0.0.0.0" }, "HOST: must be a host name or an IP address"],
    [{ HOST: "127.0.0.1:3000" }, "HOST: must be a host name or an IP address"],
    [{ HOSTNAME: "bad host" }, "HOSTNAME: must be a host name or an IP address"],
    [{ TAPEDECK_BASE_PATH: "tapedeck" }, 'TAPEDECK_BASE_PATH: must start with "/"'],
    [{ TAPEDECK_BASE_PATH: "/tapedeck/" }, 'TAPEDECK_BASE_PATH: must not end with "/"'],
    [{ TAPEDECK_BASE_PATH: "/" }, 'TAPEDECK_BASE_PATH: must not end with "/"'],
    [{ TAPEDECK_BASE_PATH: "/a b" }, "TAPEDECK_BASE_PATH: must be path segments"],
    [{ TAPEDECK_BASE_PATH: "//evil.example" }, "TAPEDECK_BASE_PATH: must be path segments"],
    [{ TAPEDECK_AUTH: "alice" }, 'TAPEDECK_AUTH: must be "user:password"'],
    [{ TAPEDECK_AUTH: ":secret" }, 'TAPEDECK_AUTH: must be "user:password"'],
    [{ TAPEDECK_AUTH: "alice:" }, 'TAPEDECK_AUTH: must be "user:password"'],
    [{ TAPEDECK_AUTH: "" }, 'TAPEDECK_AUTH: must be "user:password"'],
    [{ TAPEDECK_MAX_FILE_MB: "big" }, "TAPEDECK_MAX_FILE_MB: must be a number of megabytes"],
    [{ TAPEDECK_MAX_FILE_MB: "-1" }, "TAPEDECK_MAX_FILE_MB: must be a positive number of megabytes"],
    [{ TAPEDECK_MAX_DECODED_MB: "0" }, "TAPEDECK_MAX_DECODED_MB: must be a positive number of megabytes"],
    [{ TAPEDECK_MAX_YAML_ALIASES: "1.5" }, "TAPEDECK_MAX_YAML_ALIASES: must be a whole number"],
    [{ TAPEDECK_GIT: "yes" }, 'TAPEDECK_GIT: must be "on" or "off"'],
    [
      { TAPEDECK_CACHE_DIR: join(root, ".cache") },
      `TAPEDECK_CACHE_DIR: must be outside the recordings root (${root})`,
    ],
  ])("refuses %j naming the variable", (env, message) => {
    const found = problems(env);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it("reports every bad variable at once, in a message that names each", () => {
    try {
      readConfig({ TAPEDECK_ROOT: root, PORT: "x", TAPEDECK_GIT: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(String(error)).toMatch(/^ConfigError: Invalid configuration: PORT: .*; TAPEDECK_GIT: /);
    }
  });
});

describe("launchDirectory", () => {
  it("is the working folder, or the shell's PWD inside the standalone server (which changes folder)", () => {
    expect(launchDirectory({ PWD: "/srv/start" })).toBe(process.cwd());
    expect(launchDirectory({ PWD: "/srv/start", __NEXT_PRIVATE_STANDALONE_CONFIG: "{}" })).toBe("/srv/start");
    expect(launchDirectory({ __NEXT_PRIVATE_STANDALONE_CONFIG: "{}" })).toBe(process.cwd());
  });

  it("resolves a relative root against it", () => {
    const env = { PWD: tmpdir(), __NEXT_PRIVATE_STANDALONE_CONFIG: "{}" };
    expect(readConfig({ ...env, TAPEDECK_ROOT: root.slice(tmpdir().length + 1) }).root).toBe(root);
  });
});

describe("isLoopback", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["10.0.0.5", false],
    ["dashboard.internal", false],
  ])("%s → %s", (host, loopback) => expect(isLoopback(host)).toBe(loopback));
});

describe("gitDisabledReason", () => {
  it("is null unless TAPEDECK_GIT=off, then says what is off", () => {
    expect(gitDisabledReason({})).toBeNull();
    expect(gitDisabledReason({ TAPEDECK_GIT: "on" })).toBeNull();
    expect(gitDisabledReason({ TAPEDECK_GIT: "off" })).toMatch(/TAPEDECK_GIT=off.*history/);
  });
});

describe("environmentLimits", () => {
  it("reads the limits for readers called without them, the defaults when a value is bad", () => {
    expect(environmentLimits({ TAPEDECK_MAX_STREAM_EVENTS: "20" }).maxStreamEvents).toBe(20);
    expect(environmentLimits({ TAPEDECK_MAX_FILE_MB: "lots" })).toEqual(DEFAULT_LIMITS);
  });
});

describe("loadLimits", () => {
  it("reads the limits alone, for the command line, and names a bad one", () => {
    expect(loadLimits({})).toEqual(DEFAULT_LIMITS);
    expect(loadLimits({ TAPEDECK_MAX_FILE_MB: "2", TAPEDECK_MAX_YAML_ALIASES: "0" })).toMatchObject({
      maxFileBytes: 2 * 1024 * 1024,
      maxYamlAliases: 0,
    });
    expect(() => loadLimits({ TAPEDECK_MAX_DECODED_MB: "lots" })).toThrow(
      "TAPEDECK_MAX_DECODED_MB: must be a number of megabytes",
    );
  });
});
