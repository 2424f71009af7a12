import { unlink } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { A, B, chat, C, indexTree, WEATHER_ID } from "./testing/index-tree";

const tree = indexTree();
const { tempDir, put, openIndex } = tree;
let root: string;

/** Polls until `check` holds; fails with `what` after the deadline. */
async function eventually(what: string, check: () => boolean, deadlineMs = 2000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > deadlineMs) throw new Error(`not within ${deadlineMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeEach(async () => {
  root = await tree.plant("tapedeck-index-watch-");
});

afterEach(() => tree.cleanup());

describe("RecordingIndex.watch", () => {
  it("picks up a new file, a changed file and a deleted file", async () => {
    const index = await openIndex();
    index.watch();
    const D = "tests/integration/inference/recordings/d.json";
    await put(D, chat("t::d", "Octopus facts", "Eight arms."));
    await eventually("the new file is indexed", () => index.get(D) !== undefined);
    expect(index.get(D)?.reply).toBe("Eight arms.");
    expect(index.search("octopus")).toEqual([D]);

    await put(A, chat(WEATHER_ID, "Will it snow in Oslo?", "Yes, a lot of snow."));
    await eventually(
      "the changed file's summary is fresh",
      () => index.get(A)?.reply === "Yes, a lot of snow.",
    );
    expect(index.get(A)?.prompt).toBe("Will it snow in Oslo?");

    await unlink(join(root, B));
    await eventually("the deleted file is gone", () => index.get(B) === undefined);
    expect(index.size).toBe(3);
  });

  it("ignores files under node_modules and .git below the root", async () => {
    const index = await openIndex();
    index.watch();
    await put("node_modules/pkg/recordings/x.json", chat("t::x", "hidden", "hidden"));
    await put(".git/recordings/y.json", chat("t::y", "hidden", "hidden"));
    const D = "tests/integration/inference/recordings/d.json";
    await put(D, chat("t::d", "Octopus facts", "Eight arms."));
    await eventually("the new file is indexed", () => index.get(D) !== undefined);
    expect(index.list().map((summary) => summary.relPath)).toEqual([C, A, B, D]);
  });

  it("watches a root that itself lies under a .git folder", async () => {
    const outer = await tempDir("tapedeck-outer-");
    const nested = join(outer, ".git", "recordings");
    await put("a.json", chat("t::a", "first", "one"), nested);
    const index = await openIndex({ at: nested });
    expect(index.size).toBe(1);
    index.watch();
    await put("b.json", chat("t::b", "second", "two"), nested);
    await eventually("the new file is indexed", () => index.get("b.json") !== undefined);
  });

  it("stops after close", async () => {
    const index = await openIndex();
    index.watch();
    await index.close();
    const D = "tests/integration/inference/recordings/d.json";
    await put(D, chat("t::d", "Octopus facts", "Eight arms."));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(index.get(D)).toBeUndefined();
  });
});
