import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Interaction } from "@/lib/model/recording-file";
import { decodeText } from "@/lib/recording/decode";
import { endpointOf } from "./openai-http";
import { CORPUS as CORPUS_ROOT } from "@/lib/testing/corpus-paths";

/**
 * The OpenAI decoders over the real cassettes (skipped when the corpus is absent): every call to an
 * OpenAI-style path decodes to its family, and every Responses stream adds up to the response its
 * own closing event carries, but for the one genai cassette that does not agree with itself.
 */

const CORPUS = `${CORPUS_ROOT}/cassettes`;
const PROJECTS = ["genai", "pydantic-ai", "ruby_llm", "openllmetry-js", "langchaingo"];
/** Cheap text filter: files that mention an OpenAI path. */
const OPENAI_PATH =
  /\/(?:chat\/completions|completions|responses|embeddings|v1\/models|images\/(?:generations|edits))\b/;

function files(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

function text(path: string): string {
  const bytes = readFileSync(path);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
}

/** Calls to OpenAI paths (and OpenAI bodies elsewhere, e.g. Pollinations' `/openai`) by family. */
const EXPECTED_FAMILIES = {
  generic: 8,
  "openai-chat": 3137,
  "openai-completions": 4,
  "openai-embeddings": 131,
  "openai-images": 20,
  "openai-models": 30,
  "openai-responses": 622,
};

interface Found {
  file: string;
  interaction: Interaction;
  endpoint: string | null;
}

function openaiInteractions(): Found[] {
  const found: Found[] = [];
  for (const project of PROJECTS) {
    for (const path of files(join(CORPUS, project))) {
      const content = text(path);
      if (!OPENAI_PATH.test(content)) continue;
      const file = relative(CORPUS, path);
      const decoded = decodeText(content, file);
      if (!decoded.ok) continue;
      for (const interaction of decoded.file.interactions) {
        const url = interaction.http?.url ?? "";
        const endpoint = URL.canParse(url) ? endpointOf(new URL(url).pathname) : null;
        const { family } = interaction.exchange;
        if (endpoint === null && !family.startsWith("openai-")) continue;
        found.push({ file, interaction, endpoint });
      }
    }
  }
  return found;
}

describe.skipIf(!existsSync(CORPUS))("the OpenAI decoders on the cassette corpus", () => {
  let found: Found[] = [];
  beforeAll(() => {
    found = openaiInteractions();
  }, 120_000);

  it("decodes every call without a schema mismatch", () => {
    const failed = found
      .filter(({ interaction }) => /schema mismatch|could not decode/.test(interaction.problem ?? ""))
      .map(({ file, interaction }) => `${file}#${interaction.index}: ${interaction.problem ?? ""}`);
    expect(failed).toEqual([]);
  });

  it("decodes every call to an OpenAI path with an OpenAI family, but other APIs' model lists and mock servers", () => {
    const others = found
      .filter(({ interaction }) => !interaction.exchange.family.startsWith("openai-"))
      .map(({ file, interaction }) => `${file.split("/")[0]} ${interaction.http?.host ?? ""}`);
    // Anthropic and Cohere answer `/v1/models` with their own shapes.
    expect([...new Set(others)].sort()).toEqual(["genai api.anthropic.com", "genai api.cohere.com"]);
    const byFamily = new Map<string, number>();
    for (const { interaction } of found) {
      const family = interaction.exchange.family;
      byFamily.set(family, (byFamily.get(family) ?? 0) + 1);
    }
    expect(Object.fromEntries(byFamily)).toEqual(EXPECTED_FAMILIES);
  });

  it("reassembles every Responses stream to its own closing event's output, but one", () => {
    const streams = found.filter(({ interaction }) => {
      const { family, response } = interaction.exchange;
      return family === "openai-responses" && response.type === "message" && response.streaming;
    });
    expect(streams.length).toBeGreaterThan(100);
    const disagreeing = streams
      .filter(({ interaction }) =>
        interaction.exchange.notes.some((note) => note.includes("differs from the")),
      )
      .map(({ file }) => file);
    expect(disagreeing).toEqual([
      "genai/providers/openairesponses/testdata/TestClient/Scoreboard/gpt-5.6-sol_thinking/GenStream-MaxTokens.yaml",
    ]);
  });
});
