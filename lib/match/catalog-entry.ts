import { createHash } from "node:crypto";
import { parse as parseLossless } from "lossless-json";
import { z } from "zod";
import { llamaStackContainer } from "@/lib/containers/llama-stack";
import { nestsDeeperThan } from "@/lib/model/json-depth";
import type { ReadLimits } from "@/lib/model/limits";
import { RECORDING_FORMATS, type Interaction, type RecordingFormat } from "@/lib/model/recording-file";
import { decodeBytes, sniffContainer } from "@/lib/recording/decode";
import { fileNameScheme } from "@/lib/recording/file-name";
import { readFileBytes } from "@/lib/sources/read-file";
import { topLevelSpans } from "./json-span";
import { requestHashes } from "@/lib/recording/recorder-hash";
import { bodyModel, httpParts, llamaStackParts, type RequestParts } from "./request-parts";

/** One recorded request, as the matcher and the drift finder read it. */
export interface CatalogEntry {
  /** The file's path from the root. */
  path: string;
  /** The interaction of a cassette; null for a llama-stack recording (one call a file). */
  interaction: number | null;
  format: RecordingFormat;
  test: string | null;
  parts: RequestParts;
  /** Some long strings of the body are kept as a digest (`abbreviate`); the file has them whole. */
  abbreviated: boolean;
  /** llama-stack: the hash the file name carries (12 or 64 hex), else null. */
  nameHash: string | null;
  /** llama-stack: every hash a recorder could have computed for this content. */
  contentHashes: string[];
}

const partsSchema = z.object({
  shape: z.enum(["inference", "raw-http", "tool", "file", "http"]),
  method: z.string().nullable(),
  url: z.string().nullable(),
  endpoint: z.string().nullable(),
  model: z.string().nullable(),
  body: z.unknown().optional(),
  provider: z.string().nullable(),
  toolName: z.string().nullable(),
  api: z.string().nullable(),
  fileId: z.string().nullable(),
});

export const catalogEntrySchema = z.object({
  path: z.string(),
  interaction: z.number().int().nullable(),
  format: z.enum(RECORDING_FORMATS),
  test: z.string().nullable(),
  parts: partsSchema,
  abbreviated: z.boolean(),
  nameHash: z.string().nullable(),
  contentHashes: z.array(z.string()),
});

/** Strings longer than this are kept as a digest in the catalog (base64 media, long documents). */
const LONG_STRING = 8192;

/** A long string's stand-in: its start, length and a digest, so equal strings stay equal. */
export function abbreviateString(value: string): string {
  const digest = createHash("sha256").update(value).digest("hex").slice(0, 16);
  return `${value.slice(0, 120)}… [${value.length} characters, sha256 ${digest}]`;
}

/** The value with every string over `LONG_STRING` characters abbreviated. */
export function abbreviate(value: unknown): { value: unknown; abbreviated: boolean } {
  let abbreviated = false;
  const walk = (item: unknown): unknown => {
    if (typeof item === "string") {
      if (item.length <= LONG_STRING) return item;
      abbreviated = true;
      return abbreviateString(item);
    }
    if (Array.isArray(item)) return item.map(walk);
    if (typeof item === "object" && item !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(item)) out[key] = walk(entry);
      return out;
    }
    return item;
  };
  const result = walk(value);
  return { value: result, abbreviated };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fileNameOf(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf("/") + 1);
}

/** The request and test id of a llama-stack file, read without parsing its response. */
function llamaStackRequest(
  text: string,
  limits: ReadLimits,
): { requestText: string; testId: unknown } | null {
  const spans = topLevelSpans(text, ["test_id", "request"]);
  const request = spans?.get("request");
  if (!spans || !request) return null;
  const testSpan = spans.get("test_id");
  let testId: unknown = null;
  if (testSpan) {
    try {
      testId = JSON.parse(text.slice(testSpan.start, testSpan.end));
    } catch {
      return null;
    }
  }
  const requestText = text.slice(request.start, request.end);
  if (nestsDeeperThan(requestText, limits.maxDepth)) return null;
  return { requestText, testId };
}

/** The entry of a llama-stack recording from its text, or null when it holds no request. */
export function llamaStackEntry(
  relPath: string,
  text: string,
  limits: ReadLimits,
  keepLong = false,
): CatalogEntry | null {
  const read = llamaStackRequest(text, limits);
  if (!read) return null;
  let request: unknown;
  let lossless: unknown;
  try {
    request = JSON.parse(read.requestText);
    lossless = parseLossless(read.requestText);
  } catch {
    return null;
  }
  if (!isRecord(request) || !isRecord(lossless)) return null;
  const parts = llamaStackParts(request);
  if (!parts) return null;
  const test =
    typeof read.testId === "string"
      ? read.testId
      : typeof request.test_id === "string"
        ? request.test_id
        : null;
  const { nameHash } = fileNameScheme(fileNameOf(relPath));
  const hashes = requestHashes({ test_id: read.testId, request: lossless });
  const body = keepLong ? { value: parts.body, abbreviated: false } : abbreviate(parts.body);
  return {
    path: relPath,
    interaction: null,
    format: "llama-stack",
    test,
    parts: { ...parts, body: body.value },
    abbreviated: body.abbreviated,
    nameHash,
    contentHashes: hashes.variants,
  };
}

/** The entries of a decoded cassette: one per interaction. */
export function cassetteEntries(
  relPath: string,
  format: RecordingFormat,
  test: string | null,
  interactions: readonly Interaction[],
  keepLong = false,
): CatalogEntry[] {
  return interactions.map((interaction) => {
    const { exchange, http } = interaction;
    const request = exchange.request;
    const parts = httpParts(
      http?.method ?? request.method,
      http?.url ?? request.url,
      request.body,
      exchange.model,
    );
    const body = keepLong ? { value: parts.body, abbreviated: false } : abbreviate(parts.body);
    return {
      path: relPath,
      interaction: interaction.index,
      format,
      test,
      parts: { ...parts, model: parts.model ?? bodyModel(request.body), body: body.value },
      abbreviated: body.abbreviated,
      nameHash: null,
      contentHashes: [],
    };
  });
}

const HEAD = 4096;

/**
 * The entries of one file, read from disk: a llama-stack recording through its request alone
 * (fast: its response is never parsed), a cassette through its container and the providers.
 * A file that is not a recording, or cannot be read, has none. `keepLong` keeps long strings whole
 * (for showing a difference), where the catalog keeps a digest.
 */
export async function readEntries(
  path: string,
  relPath: string,
  limits: ReadLimits,
  keepLong = false,
): Promise<CatalogEntry[]> {
  const read = await readFileBytes(path, limits.maxFileBytes);
  if (!read.bytes) return [];
  const gzipped = read.bytes.length >= 2 && read.bytes[0] === 0x1f && read.bytes[1] === 0x8b;
  if (!gzipped) {
    const text = read.bytes.toString("utf8");
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const container = sniffContainer(body.slice(0, HEAD));
    const json = body.trimStart().startsWith("{");
    if (container === llamaStackContainer || (container === null && json)) {
      const entry = llamaStackEntry(relPath, body, limits, keepLong);
      return entry ? [entry] : [];
    }
  }
  const { decoded } = decodeBytes(read.bytes, relPath, limits);
  if (!decoded.ok || decoded.file.format === "llama-stack") return [];
  return cassetteEntries(
    relPath,
    decoded.file.format,
    decoded.file.test,
    decoded.file.interactions,
    keepLong,
  );
}
