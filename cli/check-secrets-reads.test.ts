import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { plantCredentials, type Planted } from "@/lib/secrets/testing/plant";
import { main } from "./main";

// Every recording is read through readFileBytes or readFileBytesNow (the first answers through the
// second, uncounted): counting their calls per path tells how many times `check --secrets` read each file.
const reads = vi.hoisted(() => new Map<string, number>());
vi.mock("@/lib/sources/read-file", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/sources/read-file")>();
  const count = (path: string) => reads.set(path, (reads.get(path) ?? 0) + 1);
  return {
    ...original,
    readFileBytes: async (path: string, maxBytes: number) => {
      count(path);
      return original.readFileBytesNow(path, maxBytes);
    },
    readFileBytesNow: (path: string, maxBytes: number) => {
      count(path);
      return original.readFileBytesNow(path, maxBytes);
    },
  };
});

let dir: string;
let planted: Planted[];
let out: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tapedeck-reads-"));
  planted = await plantCredentials(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  reads.clear();
  out = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  return () => vi.restoreAllMocks();
});

const findings = z.object({ findings: z.array(z.unknown()) });

describe("check --secrets", () => {
  it("reads each file once, and finds what `secrets` finds", async () => {
    const files = [...new Set(planted.map((item) => join(dir, item.path)))].sort();
    expect(files).toHaveLength(8);

    expect(await main(["check", dir, "--secrets", "--json"])).toBe(1);
    const checked: unknown = JSON.parse(out.join("\n"));
    expect([...reads.keys()].sort()).toEqual(files);
    expect([...reads.values()]).toEqual(files.map(() => 1));
    expect(checked).toMatchObject({ files: 8, skipped: 0, failed: [] });

    out = [];
    reads.clear();
    expect(await main(["secrets", dir, "--json"])).toBe(1);
    const scanned: unknown = JSON.parse(out.join("\n"));
    expect([...reads.values()]).toEqual(files.map(() => 1));
    expect(findings.parse(scanned).findings).toHaveLength(planted.length);
    expect(findings.parse(checked).findings).toEqual(findings.parse(scanned).findings);
    // Two whole runs with secretlint's first load: slow on a busy machine.
  }, 30_000);
});
