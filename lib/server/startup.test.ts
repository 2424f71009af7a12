import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config";
import { checkStartup, initialEnvironment, parseEnviron } from "./startup";

const root = mkdtempSync(join(tmpdir(), "tapedeck-startup-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("checkStartup", () => {
  it("warns when reachable from other machines without authentication", () => {
    expect(checkStartup({ TAPEDECK_ROOT: root }, "", "0.0.0.0").warnings).toEqual([
      expect.stringContaining("listening on 0.0.0.0, reachable from other machines, without authentication"),
    ]);
    expect(checkStartup({ TAPEDECK_ROOT: root, TAPEDECK_AUTH: "a:b" }, "", "0.0.0.0").warnings).toEqual([]);
    expect(checkStartup({ TAPEDECK_ROOT: root }, "", "127.0.0.1").warnings).toEqual([]);
  });

  it("warns that HOST is not what the standalone server listens on", () => {
    const { warnings } = checkStartup({ TAPEDECK_ROOT: root, HOST: "127.0.0.1" }, "", "127.0.0.2");
    expect(warnings).toEqual([expect.stringContaining("HOST=127.0.0.1 is not applied")]);
  });

  it("refuses a base path the build was not made for, naming the variable", () => {
    expect(() => checkStartup({ TAPEDECK_ROOT: root, TAPEDECK_BASE_PATH: "/x" }, "", "127.0.0.1")).toThrow(
      /TAPEDECK_BASE_PATH: is "\/x" but this build serves at \/; .*rebuild/,
    );
    expect(() => checkStartup({ TAPEDECK_ROOT: root }, "/tapedeck", "127.0.0.1")).toThrow(ConfigError);
    expect(checkStartup({ TAPEDECK_ROOT: root, TAPEDECK_BASE_PATH: "/t" }, "/t", "::1").config.basePath).toBe(
      "/t",
    );
  });
});

describe("parseEnviron and initialEnvironment", () => {
  it("read the environment the process started with", () => {
    expect(parseEnviron("PORT=80abc\0PATH=/bin:/usr/bin\0EMPTY=\0WITH=EQUALS=x\0")).toEqual({
      PORT: "80abc",
      PATH: "/bin:/usr/bin",
      EMPTY: "",
      WITH: "EQUALS=x",
    });
    if (process.platform === "linux") expect(initialEnvironment()?.PATH).toBe(process.env.PATH);
  });
});
