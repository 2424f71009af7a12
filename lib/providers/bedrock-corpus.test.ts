import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Interaction } from "@/lib/model/recording-file";
import { decodeText } from "@/lib/recording/decode";
import { CORPUS as CORPUS_ROOT } from "@/lib/testing/corpus-paths";

/**
 * The Bedrock decoder over the real cassettes (skipped when the corpus is absent): every call to
 * a Bedrock runtime decodes as Bedrock without a problem, and a few streams reassemble exactly.
 */

const CORPUS = `${CORPUS_ROOT}/cassettes`;

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

function interactions(file: string): Interaction[] {
  const decoded = decodeText(text(join(CORPUS, file)), file);
  if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
  return decoded.file.interactions;
}

function reply(interaction: Interaction | undefined) {
  const response = interaction?.exchange.response;
  if (response?.type !== "message") throw new Error(`response is ${response?.type ?? "missing"}`);
  const [choice] = response.choices;
  if (!choice) throw new Error("no choice");
  return { response, choice };
}

describe.skipIf(!existsSync(CORPUS))("Bedrock calls of the corpus", () => {
  it("all decode as Bedrock, by operation and response type", { timeout: 120_000 }, () => {
    const counts: Record<string, number> = {};
    const problems: string[] = [];
    for (const path of files(CORPUS)) {
      const content = text(path);
      if (!content.includes("bedrock-runtime")) continue;
      const file = relative(CORPUS, path);
      const decoded = decodeText(content, file);
      if (!decoded.ok) {
        problems.push(`${file}: ${decoded.reason}`);
        continue;
      }
      for (const interaction of decoded.file.interactions) {
        const url = interaction.http?.url ?? "";
        if (!url.includes("bedrock-runtime")) continue;
        const key = `${interaction.exchange.family} ${url.slice(url.lastIndexOf("/") + 1)} ${interaction.exchange.response.type}`;
        counts[key] = (counts[key] ?? 0) + 1;
        if (interaction.problem) problems.push(`${file} #${interaction.index}: ${interaction.problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(counts).toEqual({
      "bedrock converse message": 255,
      "bedrock converse error": 11,
      "bedrock converse-stream message": 31,
      "bedrock converse-stream error": 1,
      "bedrock invoke message": 10,
      "bedrock invoke embeddings": 42,
      "bedrock invoke error": 5,
      "bedrock invoke-with-response-stream message": 4,
      "bedrock count-tokens result": 6,
      "bedrock count-tokens error": 3,
    });
  });

  it("reassembles a LangChain ConverseStream with reasoning (headers redacted)", () => {
    const { response, choice } = reply(
      interactions("langchain/libs/aws/tests/cassettes/test_thinking[v0].yaml.gz")[0],
    );
    expect(response.chunks).toHaveLength(192);
    expect(choice.reasoning.length).toBe(302);
    expect(choice.reasoning.startsWith("I need to find the smallest n where n! is divisible by 10^6")).toBe(
      true,
    );
    expect(choice.content.length).toBe(1976);
    expect(choice.content.startsWith("## Setting Up the Problem\n\n")).toBe(true);
    expect(choice.finishReason).toBe("end_turn");
    expect(response.usage).toMatchObject({ inputTokens: 46, outputTokens: 1196, totalTokens: 1242 });
  });

  it("reassembles a pydantic-ai ConverseStream with a tool call", () => {
    const file = "pydantic-ai/tests/models/cassettes/test_bedrock/test_bedrock_model_iter_stream.yaml";
    const { response, choice } = reply(interactions(file)[0]);
    expect(response.chunks).toHaveLength(26);
    expect(choice.toolCalls.map((call) => [call.id, call.name, call.arguments])).toEqual([
      ["tooluse_lAG_zP8QRHmSYOwZzzaCqA", "get_temperature", '{"city":"Paris"}'],
    ]);
    expect(choice.finishReason).toBe("tool_use");
    expect(response.usage).toMatchObject({ inputTokens: 471, outputTokens: 91, totalTokens: 562 });
  });

  it("reassembles an InvokeModelWithResponseStream of Claude 2 from its base64 chunks", () => {
    const file =
      "openllmetry-js/packages/instrumentation-bedrock/recordings/Test-Anthropic-with-AWS-Bedrock-Instrumentation_3427560822/should-set-request-and-response-attributes-in-span-for-given-prompt-with-streaming-result_3091204960/recording.har";
    const { response, choice } = reply(interactions(file)[0]);
    expect(response.chunks).toHaveLength(53);
    expect(choice.content).toBe(
      ' The 4 cardinal directions are:\n\n- North\n- South \n- East\n- West\n\nThe cardinal directions refer to the four main compass points - north, south, east and west. They are called "cardinal" because they are considered the most important or principal directions.',
    );
    expect(choice.finishReason).toBe("stop_sequence");
    expect(response.usage).toMatchObject({ inputTokens: 16, outputTokens: 63, totalTokens: 79 });
  });
});
