/**
 * Writes the project's own sample cassettes under `recordings/` (one per recorder and wire API,
 * invented content), then opens each with Tapedeck and checks it reads as intended.
 *
 *   npx tsx --tsconfig tsconfig.json scripts/samples/write-cassettes.ts           write, then verify
 *   npx tsx --tsconfig tsconfig.json scripts/samples/write-cassettes.ts --check   verify that the
 *     files on disk are what this script writes, byte for byte, without writing
 *
 * The output is deterministic (fixed ids, times and gzip headers), so a rerun changes nothing.
 * Exits 1 when a file differs (`--check`) or a sample does not open as its expectations say.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { isStreaming } from "@/lib/recording/exchange-json";
import { decodeBytes } from "@/lib/recording/decode";
import type { Interaction } from "@/lib/model/recording-file";
import { goVcrSamples } from "./go-vcr-samples";
import { harSamples } from "./har-samples";
import { httprrSamples } from "./httprr-samples";
import { langchainSamples } from "./langchain-samples";
import { rubyVcrSamples } from "./ruby-vcr-samples";
import type { ExpectedInteraction, Sample } from "./sample";
import { vcrpySamples } from "./vcrpy-samples";

const ROOT = resolve("recordings");
/** Samples stay small enough to read in a review. */
const MAX_BYTES = 20 * 1024;

function bytesOf(content: string | Uint8Array): Buffer {
  return typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
}

/** What differs between an interaction and what it should open as; empty when nothing. */
function mismatches(interaction: Interaction, expected: ExpectedInteraction): string[] {
  const { exchange } = interaction;
  const problems: string[] = [];
  const fallback = exchange.family === "generic" || exchange.family === "raw-http";
  if (expected.nonLlm ? !fallback : exchange.family !== expected.family) {
    const why = exchange.family === "generic" ? ` (${exchange.notes.join("; ")})` : "";
    problems.push(
      `family ${exchange.family}, expected ${expected.nonLlm ? "generic" : expected.family}${why}`,
    );
    return problems;
  }
  if (interaction.problem !== null) problems.push(`problem: ${interaction.problem}`);
  if (isStreaming(exchange) !== expected.streaming) problems.push(`streaming ${isStreaming(exchange)}`);
  const response = exchange.response;
  if (expected.text !== undefined || expected.reasoning !== undefined || expected.toolCalls !== undefined) {
    if (response.type !== "message") return [...problems, `response ${response.type}, expected a message`];
    const choice = response.choices[0];
    if (expected.text !== undefined && choice?.content !== expected.text) {
      problems.push(`text ${JSON.stringify(choice?.content)}, expected ${JSON.stringify(expected.text)}`);
    }
    if (expected.reasoning !== undefined && choice?.reasoning !== expected.reasoning) {
      problems.push(
        `reasoning ${JSON.stringify(choice?.reasoning)}, expected ${JSON.stringify(expected.reasoning)}`,
      );
    }
    if (expected.toolCalls !== undefined) {
      const calls = (choice?.toolCalls ?? []).map(({ name, arguments: args }) => ({ name, arguments: args }));
      if (JSON.stringify(calls) !== JSON.stringify(expected.toolCalls)) {
        problems.push(`tool calls ${JSON.stringify(calls)}, expected ${JSON.stringify(expected.toolCalls)}`);
      }
    }
  }
  if (expected.embeddings !== undefined) {
    const { count, dimension } = expected.embeddings;
    if (response.type !== "embeddings") problems.push(`response ${response.type}, expected embeddings`);
    else if (response.count !== count || response.dimension !== dimension) {
      problems.push(`${response.count} × ${response.dimension} embeddings, expected ${count} × ${dimension}`);
    }
  }
  if (expected.error !== undefined) {
    const { type, status } = expected.error;
    if (response.type !== "error") problems.push(`response ${response.type}, expected an error`);
    else if (response.error.status !== status || (type !== undefined && response.error.type !== type)) {
      problems.push(
        `error ${response.error.type} ${response.error.status}, expected ${type ?? "any type"} ${status}`,
      );
    }
  }
  return problems;
}

/** What differs between a sample as written and as Tapedeck opens it. */
function verify(sample: Sample, bytes: Buffer): string[] {
  const problems: string[] = [];
  if (bytes.length >= MAX_BYTES) problems.push(`${bytes.length} bytes, the limit is ${MAX_BYTES}`);
  const { decoded } = decodeBytes(bytes, sample.path);
  if (!decoded.ok) return [...problems, `does not open: ${decoded.reason}`];
  const { format, interactions } = decoded.file;
  if (format !== sample.format) problems.push(`opens as ${format}, expected ${sample.format}`);
  if (interactions.length !== sample.interactions.length) {
    problems.push(`${interactions.length} interactions, expected ${sample.interactions.length}`);
  }
  sample.interactions.forEach((expected, index) => {
    const interaction = interactions[index];
    if (interaction)
      problems.push(...mismatches(interaction, expected).map((problem) => `#${index}: ${problem}`));
  });
  return problems;
}

/** Cassettes under `recordings/` (every file but the llama-stack `.json` recordings). */
function cassettesOnDisk(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cassettesOnDisk(path);
    return entry.name.endsWith(".json") ? [] : [relative(ROOT, path).split("\\").join("/")];
  });
}

const check = process.argv.includes("--check");
const samples = [
  ...vcrpySamples(),
  ...langchainSamples(),
  ...goVcrSamples(),
  ...rubyVcrSamples(),
  ...harSamples(),
  ...httprrSamples(),
];
let failures = 0;
for (const sample of samples) {
  const path = join(ROOT, sample.path);
  const bytes = bytesOf(sample.content);
  if (check) {
    let onDisk: Buffer | null = null;
    try {
      onDisk = readFileSync(path);
    } catch {
      onDisk = null;
    }
    if (onDisk === null || !onDisk.equals(bytes)) {
      failures++;
      console.log(
        `DIFF ${sample.path}: ${onDisk === null ? "missing" : "differs from what the script writes"}`,
      );
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  const problems = verify(sample, bytes);
  if (problems.length > 0) failures++;
  const label = `${sample.format} ${sample.interactions.length}×`.padEnd(12);
  console.log(
    `${problems.length === 0 ? "ok  " : "FAIL"} ${label} ${bytes.length.toString().padStart(6)} B  ${sample.path}`,
  );
  for (const problem of problems) console.log(`       ${problem}`);
}
const written = new Set(samples.map((sample) => sample.path));
for (const stray of cassettesOnDisk().filter((path) => !written.has(path))) {
  failures++;
  console.log(`STRAY ${stray}: a cassette under recordings/ that this script does not write`);
}
console.log(`${samples.length} samples, ${failures === 0 ? "all as expected" : `${failures} with problems`}`);
process.exitCode = failures === 0 ? 0 : 1;
