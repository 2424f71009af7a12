import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashNamedRecording } from "@/lib/recording/testing/hash-named";
import { FAKE } from "@/lib/secrets/testing/fake-credentials";
import { main } from "./main";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tapedeck-show-name-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tapedeck show of a llama-stack recording whose request holds a key", () => {
  it("checks the name against the request as written, and prints the key masked", async () => {
    const { fileName, text } = hashNamedRecording({ api_key: FAKE.openai });
    const path = join(dir, fileName);
    await writeFile(path, text);
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
    try {
      expect(await main(["show", path, "--json"])).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
    const printed = out.join("\n");
    expect(JSON.parse(printed)).toMatchObject({
      file_name: {
        scheme: "hash-64",
        nameHash: fileName.slice(0, 64),
        computedHash: fileName.slice(0, 64),
        matches: true,
        basis: "{method, endpoint, body, test_id}",
      },
    });
    expect(printed).not.toContain(FAKE.openai);
    expect(printed).toContain(`[secret openai: ${FAKE.openai.slice(0, 4)}…${FAKE.openai.slice(-2)}]`);
  });
});
