import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { plantCredentials, type Planted } from "@/lib/secrets/testing/plant";
import { main } from "./main";

let dir: string;
let clean: string;
let planted: Planted[];
let out: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tapedeck-planted-"));
  planted = await plantCredentials(dir);
  clean = await mkdtemp(join(tmpdir(), "tapedeck-clean-"));
  await cp(join(import.meta.dirname, "..", "lib", "containers", "fixtures"), clean, { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(clean, { recursive: true, force: true });
});

beforeEach(() => {
  out = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("tapedeck secrets", () => {
  it("finds every credential planted in copies of the written cassettes, one of each kind", async () => {
    expect(await main(["secrets", dir, "--json"])).toBe(1);
    const json: unknown = JSON.parse(out.join("\n"));
    expect(json).toEqual({
      files: 8,
      findings: planted
        .map((item) => ({
          path: join(dir, item.path),
          interaction: item.interaction,
          location: item.location,
          rule: item.rule,
          preview: `${item.value.slice(0, 4)}…${item.value.slice(-2)}`,
          fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    });
    expect(new Set(planted.map((item) => item.rule))).toEqual(
      new Set([
        "openai",
        "anthropic",
        "github",
        "session-cookie",
        "credential-query",
        "url-basic-auth",
        "aws-sigv4-credential",
        "credential-header",
        "credential-field",
      ]),
    );
  });

  it("prints each finding masked, by file, and exits 0 on the cassettes as written", async () => {
    expect(await main(["secrets", dir])).toBe(1);
    const text = out.join("\n");
    expect(text).toContain(
      `${join(dir, "vcrpy/openai-chat.yaml")}\n  #0 request header authorization: openai sk-p…aZ (`,
    );
    expect(text).toContain(`11 credentials found in 8 of 8 recording files.`);
    for (const item of planted) expect(text).not.toContain(item.value);
    out = [];
    expect(await main(["secrets", clean])).toBe(0);
    expect(out.join("\n")).toMatch(/^No credential found in \d+ recording files\.$/);
  });

  it("runs as check --secrets, failing on a finding", async () => {
    expect(await main(["check", dir, "--secrets", "--json"])).toBe(1);
    const json: unknown = JSON.parse(out.join("\n"));
    expect(json).toMatchObject({ files: 8, failed: [], findings: expect.arrayContaining([]) });
    expect(JSON.stringify(json)).not.toContain(planted[0]?.value);
    out = [];
    // The vcrpy fixtures all decode (others are broken on purpose).
    expect(await main(["check", join(clean, "vcrpy"), "--secrets"])).toBe(0);
    expect(out.join("\n")).toContain("Credentials:\nNo credential found in");
    out = [];
    expect(await main(["check", dir])).toBe(0);
  });

  it("refuses a file or a second directory", async () => {
    expect(await main(["secrets", join(dir, "vcrpy/openai-chat.yaml")])).toBe(2);
    expect(await main(["secrets", dir, clean])).toBe(2);
  });
});
