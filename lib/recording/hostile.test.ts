import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLimits } from "@/lib/config";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import type { RecordingFile } from "@/lib/model/recording-file";
import { CORPUS } from "@/lib/testing/corpus-paths";
import { hostileFiles, type HostileFile } from "@/scripts/hostile/hostile-files";
import { checkDirectory } from "./check";
import { decodeBytes } from "./decode";
import { readRecording } from "./read-recording";

/**
 * Every hostile file of the issue, built here and read the way the index and `check` read
 * files: whole-file bombs fail with their reason, a bomb inside one interaction marks that
 * interaction, honest but large files open (or say what they cut), and each ends in bounded time.
 */

const full = hostileFiles("full");
const small = hostileFiles("small");
const root = mkdtempSync(join(tmpdir(), "tapedeck-hostile-"));

function write(folder: string, files: readonly HostileFile[]): void {
  for (const file of files) {
    const path = join(root, folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes());
  }
}

beforeAll(() => write("full", full), 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What else is checked of the files that open (beyond their interactions and problems). */
const more: Record<string, (file: RecordingFile) => void> = {
  // One 30 MB line is one event: within every limit, read whole.
  "cassettes/streams/sse-30mb-line.yaml": (file) => {
    const response = file.interactions[0]?.exchange.response;
    if (response?.type !== "message") throw new Error("expected a message");
    expect(response.choices[0]?.content).toBe("a".repeat(30 * 1024 * 1024));
    expect(response.chunks).toHaveLength(2);
  },
  "cassettes/streams/ndjson-million-lines.httprr": (file) => {
    const interaction = file.interactions[0];
    const response = interaction?.exchange.response;
    if (response?.type !== "message") throw new Error("expected a message");
    expect(interaction?.exchange.family).toBe("ollama");
    expect(response.choices[0]?.content).toBe("a".repeat(100_000));
  },
  "cassettes/scale/many-interactions.yaml": (file) => {
    const families = new Set(file.interactions.map((interaction) => interaction.exchange.family));
    expect([...families]).toEqual(["openai-chat"]);
    expect(file.interactions[99_999]?.exchange.request.messages[0]?.parts).toEqual([
      { type: "text", text: "99999" },
    ]);
  },
  "cassettes/scale/long-url.yaml": (file) => {
    expect(file.interactions.map((interaction) => interaction.http?.url.length)).toEqual([
      1024 * 1024,
      1024 * 1024,
    ]);
    expect(file.interactions.map((interaction) => interaction.exchange.family)).toEqual([
      "openai-chat",
      "generic",
    ]);
  },
};

describe("each hostile file, read with the default limits", () => {
  for (const file of full) {
    it(`${file.path}: ${file.what}`, { timeout: 90_000 }, async () => {
      const started = performance.now();
      const { decoded } = await readRecording(join(root, "full", file.path), file.path, DEFAULT_LIMITS);
      // Generous against a loaded machine; the slowest (100,000 interactions) takes ~5 s alone.
      expect(performance.now() - started).toBeLessThan(60_000);
      const { outcome } = file;
      if (outcome.ends === "failed") {
        expect(decoded.ok ? "opened" : decoded.reason).toMatch(outcome.reason);
        return;
      }
      if (!decoded.ok) throw new Error(`${file.path} failed: ${decoded.reason}`);
      const { interactions } = decoded.file;
      expect(interactions).toHaveLength(outcome.interactions);
      if (outcome.ends === "opens") {
        expect(interactions.filter((interaction) => interaction.problem !== null)).toEqual([]);
      } else {
        expect(interactions[outcome.interaction]?.problem).toMatch(outcome.reason);
      }
      more[file.path]?.(decoded.file);
    });
  }
});

describe("the limits from the environment", () => {
  it("reads the 50 MB scalar once TAPEDECK_MAX_FILE_MB allows it", { timeout: 60_000 }, async () => {
    const limits = loadLimits({ TAPEDECK_MAX_FILE_MB: "60" });
    const { decoded } = await readRecording(
      join(root, "full", "cassettes/yaml/scalar-50mb.yaml"),
      "s.yaml",
      limits,
    );
    const response = decoded.ok ? decoded.file.interactions[0]?.exchange.response : null;
    if (response?.type !== "message") throw new Error("expected a message");
    expect(response.choices[0]?.content?.length).toBe(50 * 1024 * 1024);
  });

  it("lowers the decoded cap and the alias budget with TAPEDECK_MAX_DECODED_MB and TAPEDECK_MAX_YAML_ALIASES", async () => {
    const limits = loadLimits({ TAPEDECK_MAX_DECODED_MB: "32", TAPEDECK_MAX_YAML_ALIASES: "80" });
    const bombs = await readRecording(
      join(root, "full", "cassettes/gzip/many-body-bombs.yaml"),
      "b.yaml",
      limits,
    );
    expect(bombs.decoded.ok && bombs.decoded.file.interactions[0]?.problem).toBe(
      "response body: the gzip body expands past the 32.0 MB limit; it was not decoded",
    );
    const laughs = await readRecording(
      join(root, "full", "cassettes/yaml/alias-billion-laughs.yaml"),
      "l.yaml",
      limits,
    );
    expect(laughs.decoded.ok ? "opened" : laughs.decoded.reason).toBe(
      "the YAML uses 81 aliases, more than allowed (80); it is not read",
    );
  });

  it("applies them to readers called without limits (a git blob in a diff or a review)", () => {
    const bytes = full.find((file) => file.path.endsWith("long-url.yaml"))?.bytes() ?? Buffer.alloc(0);
    const before = process.env.TAPEDECK_MAX_FILE_MB;
    process.env.TAPEDECK_MAX_FILE_MB = "1";
    try {
      const { decoded } = decodeBytes(bytes, "long-url.yaml");
      expect(decoded.ok ? "opened" : decoded.reason).toBe(
        "the file is 2.0 MB, over the 1.0 MB limit; it is not parsed",
      );
    } finally {
      if (before === undefined) delete process.env.TAPEDECK_MAX_FILE_MB;
      else process.env.TAPEDECK_MAX_FILE_MB = before;
    }
    expect(decodeBytes(bytes, "long-url.yaml").decoded.ok).toBe(true);
  });

  it("cuts streams at TAPEDECK_MAX_STREAM_EVENTS", async () => {
    const limits = loadLimits({ TAPEDECK_MAX_STREAM_EVENTS: "10" });
    const { decoded } = await readRecording(
      join(root, "full", "cassettes/streams/ndjson-million-lines.httprr"),
      "n.httprr",
      limits,
    );
    expect(decoded.ok && decoded.file.interactions[0]?.problem).toBe(
      "response body: the stream has 1,000,001 lines, more than the 10 read; the rest is not shown",
    );
  });
});

describe("check on a folder of all of them", () => {
  it(
    "lists the whole-file bombs as failed and the interaction bombs as interaction problems",
    { timeout: 120_000 },
    async () => {
      write("small", small);
      const dir = join(root, "small");
      const report = await checkDirectory(dir, DEFAULT_LIMITS);
      const failed = small.filter((file) => file.outcome.ends === "failed");
      expect(report.failed.map((file) => file.path)).toEqual(
        failed.map((file) => join(dir, file.path)).sort(),
      );
      for (const file of failed) {
        const reason = report.failed.find((item) => item.path === join(dir, file.path))?.reason;
        expect(reason).toMatch(file.outcome.ends === "failed" ? file.outcome.reason : /never/);
      }
      expect(report.files).toBe(small.length);
      expect(report.formats).toEqual({ vcrpy: 8, har: 2, httprr: 2 });
      expect(report.interactions).toBe(5000 + 20 + 11);
      // One entry per interaction with a problem: the first body of many-body-bombs fits, the 19 others do not.
      const problems = report.interactionProblems.map(
        (item) => `${item.path.slice(dir.length + 1)} #${item.interaction}`,
      );
      expect(problems).toEqual([
        "cassettes/gzip/binary-body-bomb.yaml #0",
        "cassettes/gzip/httprr-body-bomb.httprr #0",
        ...Array.from({ length: 19 }, (_, i) => `cassettes/gzip/many-body-bombs.yaml #${i + 1}`),
        "cassettes/gzip/polly-base64-chunks-bomb.har #0",
        "cassettes/har/bad-base64.har #0",
        "cassettes/streams/eventstream-bad-crc.yaml #0",
        "cassettes/streams/eventstream-length-past-end.yaml #0",
      ]);
      expect(report.interactionProblems[0]?.reason).toBe(
        "response body: the gzip body expands past the 100.0 MB limit; it was not decoded",
      );
    },
  );
});

const PYDANTIC_AI = join(CORPUS, "cassettes/pydantic-ai");
const YAML_INPUT = "tests/models/cassettes/test_openai/test_yaml_document_url_input.yaml";

describe.skipIf(!existsSync(join(PYDANTIC_AI, YAML_INPUT)))("a real cassette that mentions code tags", () => {
  it("opens pydantic-ai's test_yaml_document_url_input (`!!python/name` inside a block scalar)", async () => {
    const { decoded } = await readRecording(join(PYDANTIC_AI, YAML_INPUT), YAML_INPUT);
    if (!decoded.ok) throw new Error(decoded.reason);
    const [download, chat] = decoded.file.interactions;
    expect(download?.http?.url).toBe(
      "https://raw.githubusercontent.com/pydantic/pydantic-ai/main/mkdocs.yml",
    );
    expect(download?.exchange.response.type === "result" ? download.exchange.response.text : "").toContain(
      "emoji_index: !!python/name:material.extensions.emoji.twemoji",
    );
    expect(chat?.exchange.family).toBe("openai-chat");
    expect(decoded.file.interactions.map((interaction) => interaction.problem)).toEqual([null, null]);
  });
});
