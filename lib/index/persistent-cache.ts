import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { parsedTestIdSchema, recordingSummarySchema, type RecordingSummary } from "./summary-schema";
import { parseTestId, type ParsedTestId } from "./test-id";

/** Bump when the summary or the decoders change what they produce (or how the file holds them). */
export const CACHE_VERSION = 4;

/**
 * The code that produced the summaries: set at build time by next.config.js from the sources of
 * lib/, so a build with other decoders never trusts an old cache.
 */
function codeFingerprint(): string {
  return process.env.TAPEDECK_CODE_FINGERPRINT ?? "unbuilt";
}

const cacheFileSchema = z.object({
  version: z.literal(CACHE_VERSION),
  code: z.string(),
  root: z.string(),
  // `test` is left out where the summary's own fields give it again (see `storedSummary`).
  summaries: z.array(recordingSummarySchema.extend({ test: parsedTestIdSchema.nullable().optional() })),
});

/** The parsed test id as summarizing derives it from the summary's id, model, format and path. */
function derivedTest(
  summary: Pick<RecordingSummary, "testId" | "model" | "format" | "relPath">,
): ParsedTestId | null {
  if (!summary.testId) return null;
  return parseTestId(
    summary.testId,
    summary.model,
    summary.format === "llama-stack" ? null : summary.relPath,
  );
}

function sameTest(a: ParsedTestId | null, b: ParsedTestId | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.base === b.base &&
    a.file === b.file &&
    a.className === b.className &&
    a.functionName === b.functionName &&
    a.params === b.params &&
    a.provider === b.provider &&
    a.model === b.model
  );
}

/**
 * A summary as the cache file holds it: without `test` when it is the one derived again on
 * loading. It was a quarter of the file, and reading, parsing and checking the file were most of
 * a restart on an unchanged corpus (a CPU profile).
 */
function storedSummary(
  summary: RecordingSummary,
): Omit<RecordingSummary, "test"> & { test?: ParsedTestId | null } {
  if (!sameTest(summary.test, derivedTest(summary))) return summary;
  return { ...summary, test: undefined };
}

/**
 * Where the index cache lives: `TAPEDECK_CACHE_DIR`, else the user's cache folder. Never inside
 * the recordings root.
 */
export function cacheDirectory(): string {
  const explicit = process.env.TAPEDECK_CACHE_DIR;
  if (explicit) return explicit;
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg !== "" ? xdg : join(homedir(), ".cache"), "tapedeck");
}

function cacheFile(root: string): string {
  const key = createHash("sha256").update(root).digest("hex").slice(0, 16);
  return join(cacheDirectory(), `index-${key}.json`);
}

/** Characters outside ASCII, written as `\uXXXX` escapes (see `saveSummaries`). */
const NON_ASCII = /[\u007f-\uffff]/g;

const escapeChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Summaries from the last run on this root, keyed by path; empty when there is no usable cache. */
export async function loadSummaries(root: string): Promise<Map<string, RecordingSummary>> {
  try {
    const parsed = cacheFileSchema.safeParse(JSON.parse(cacheText(await readFile(cacheFile(root)))));
    if (!parsed.success || parsed.data.root !== root || parsed.data.code !== codeFingerprint())
      return new Map();
    const summaries = new Map<string, RecordingSummary>();
    for (const stored of parsed.data.summaries) {
      // In place: the schema's output is a copy already.
      const test = stored.test === undefined ? derivedTest(stored) : stored.test;
      summaries.set(stored.relPath, Object.assign(stored, { test }));
    }
    return summaries;
  } catch {
    return new Map();
  }
}

/**
 * The file's text: an ASCII file (as `saveSummaries` writes it) is taken byte for byte, which is
 * faster than decoding UTF-8, and makes a string `JSON.parse` reads faster too (a third off
 * loading the cache, measured on the corpus).
 */
function cacheText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/** Saves the summaries (atomically: a half-written cache is never read). Failures are ignored. */
export async function saveSummaries(root: string, summaries: Iterable<RecordingSummary>): Promise<void> {
  const file = cacheFile(root);
  try {
    await mkdir(cacheDirectory(), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(
      temp,
      JSON.stringify({
        version: CACHE_VERSION,
        code: codeFingerprint(),
        root,
        summaries: [...summaries].map(storedSummary),
      }).replace(NON_ASCII, escapeChar),
    );
    await rename(temp, file);
  } catch {
    // A cache is an optimisation; a read-only home folder must not stop the app.
  }
}
