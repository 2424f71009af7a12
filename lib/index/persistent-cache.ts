import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { recordingSummarySchema, type RecordingSummary } from "./summary-schema";

/** Bump when the summary or the decoders change what they produce. */
export const CACHE_VERSION = 3;

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
  summaries: z.array(recordingSummarySchema),
});

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

/** Summaries from the last run on this root, keyed by path; empty when there is no usable cache. */
export async function loadSummaries(root: string): Promise<Map<string, RecordingSummary>> {
  try {
    const parsed = cacheFileSchema.safeParse(JSON.parse(await readFile(cacheFile(root), "utf8")));
    if (!parsed.success || parsed.data.root !== root || parsed.data.code !== codeFingerprint())
      return new Map();
    return new Map(parsed.data.summaries.map((summary) => [summary.relPath, summary]));
  } catch {
    return new Map();
  }
}

/** Saves the summaries (atomically: a half-written cache is never read). Failures are ignored. */
export async function saveSummaries(root: string, summaries: Iterable<RecordingSummary>): Promise<void> {
  const file = cacheFile(root);
  try {
    await mkdir(cacheDirectory(), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(
      temp,
      JSON.stringify({ version: CACHE_VERSION, code: codeFingerprint(), root, summaries: [...summaries] }),
    );
    await rename(temp, file);
  } catch {
    // A cache is an optimisation; a read-only home folder must not stop the app.
  }
}
