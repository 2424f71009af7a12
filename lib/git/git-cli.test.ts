import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkoutTop, repositoryTop } from "./git-cli";

const outside = realpathSync(mkdtempSync(join(tmpdir(), "tapedeck-git-cli-")));
const top = join(outside, "checkout");
const inner = join(top, "tests", "recordings");
mkdirSync(inner, { recursive: true });
execFileSync("git", ["init", "-q", top]);

afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe("checkoutTop", () => {
  it("is the folder itself when it holds .git, and git's answer from a folder inside", async () => {
    expect(await checkoutTop(top)).toBe(top);
    expect(await checkoutTop(inner)).toBe(await repositoryTop(inner));
    expect(await checkoutTop(inner)).toBe(top);
  });

  it("is null outside a checkout", async () => {
    expect(await checkoutTop(outside)).toBeNull();
  });
});
