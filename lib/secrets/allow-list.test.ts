import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALLOW_FILE, loadAllowList, parseAllowList } from "./allow-list";
import { secretFingerprint } from "./finding";
import { scanDirectory } from "./scan-directory";
import { FAKE } from "./testing/fake-credentials";
import { plantCredentials } from "./testing/plant";

describe("parseAllowList", () => {
  it("reads one fingerprint a line, with comments and notes", () => {
    const text =
      "# known harmless\n0123456789abcdef  revoked test key\n\nFEDCBA9876543210 # another\nnot-a-print\n";
    expect([...parseAllowList(text)]).toEqual(["0123456789abcdef", "fedcba9876543210"]);
  });
});

describe("the allow-list files", () => {
  let top: string;
  beforeEach(async () => {
    top = await mkdtemp(join(tmpdir(), "tapedeck-allow-"));
    await mkdir(join(top, ".git"));
    await mkdir(join(top, "tests", "cassettes"), { recursive: true });
  });
  afterEach(() => rm(top, { recursive: true, force: true }));

  it("are read at the scanned root and at the repository's top", async () => {
    await writeFile(join(top, ALLOW_FILE), "1111111111111111\n");
    await writeFile(join(top, "tests", "cassettes", ALLOW_FILE), "2222222222222222\n");
    expect([...(await loadAllowList(join(top, "tests", "cassettes")))].sort()).toEqual([
      "1111111111111111",
      "2222222222222222",
    ]);
  });

  it("leave out the findings they allow, and count them", async () => {
    const root = join(top, "tests", "cassettes");
    const planted = await plantCredentials(root);
    const before = await scanDirectory(root);
    expect(before.findings).toHaveLength(planted.length);
    await writeFile(join(top, ALLOW_FILE), `${secretFingerprint(FAKE.openai)} the docs' example key\n`);
    const after = await scanDirectory(root);
    expect(after.allowed).toBe(1);
    expect(after.findings.map((finding) => finding.rule)).not.toContain("openai");
    expect(after.findings).toHaveLength(planted.length - 1);
  });
});
