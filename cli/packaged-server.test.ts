import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packagedServer } from "./packaged-server";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tapedeck-packaged-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function put(path: string, text: string) {
  await mkdir(join(dir, path, ".."), { recursive: true });
  await writeFile(join(dir, path), text);
}

describe("packagedServer", () => {
  it("finds the server an installed package carries, and the base path it was built for", async () => {
    expect(await packagedServer(dir)).toBeNull();
    await put("dist/server/server.js", "");
    await put(
      "dist/server/.next/required-server-files.json",
      JSON.stringify({ config: { basePath: "/tools" } }),
    );
    expect(await packagedServer(dir)).toEqual({
      server: join(dir, "dist/server/server.js"),
      basePath: "/tools",
    });
    await put("dist/server/.next/required-server-files.json", "{ not json");
    expect(await packagedServer(dir)).toEqual({ server: join(dir, "dist/server/server.js"), basePath: "" });
  });

  it("is null in a checkout, which builds from its sources", async () => {
    await put("dist/server/server.js", "");
    await put("app/page.tsx", "");
    expect(await packagedServer(dir)).toBeNull();
  });
});
