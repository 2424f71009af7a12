import { z } from "zod";
import { CALL_KINDS, FAMILIES, PROVIDERS } from "@/lib/model/exchange";
import { FAILURE_KINDS } from "@/lib/model/failure";
import { RECORDING_FORMATS } from "@/lib/model/recording-file";

export const parsedTestIdSchema = z.object({
  id: z.string(),
  base: z.string(),
  file: z.string(),
  className: z.string().nullable(),
  functionName: z.string(),
  params: z.string().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
});

/** What the index keeps of one interaction (a llama-stack file has one). */
export const interactionSummarySchema = z.object({
  index: z.number(),
  family: z.enum(FAMILIES),
  kind: z.enum(CALL_KINDS),
  provider: z.enum(PROVIDERS),
  providerDetail: z.string().nullable(),
  model: z.string().nullable(),
  method: z.string().nullable(),
  endpoint: z.string().nullable(),
  host: z.string().nullable(),
  /** HTTP status (cassettes and llama-stack raw HTTP); null when not recorded. */
  status: z.number().nullable(),
  streaming: z.boolean(),
  chunks: z.number(),
  /** `type: message` of the recorded error, or null. */
  error: z.string().nullable(),
  toolCalls: z.number(),
  /** Why the interaction could not be read fully, or null. */
  problem: z.string().nullable(),
  /** Short excerpts for lists and search. */
  prompt: z.string(),
  reply: z.string(),
});
export type InteractionSummary = z.infer<typeof interactionSummarySchema>;

/**
 * What the index keeps in memory for one file; full bodies are decoded on demand. The fields
 * beside `interactions` describe the file as a whole: the first interaction's call, with counts
 * and flags over all of them.
 */
export const recordingSummarySchema = z.object({
  relPath: z.string(),
  fileName: z.string(),
  suite: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  /** Null for a decoded file; the failure for a broken one. */
  broken: z.object({ kind: z.enum(FAILURE_KINDS), reason: z.string() }).nullable(),
  format: z.enum(RECORDING_FORMATS).nullable(),
  interactions: z.array(interactionSummarySchema),
  family: z.enum(FAMILIES).nullable(),
  kind: z.enum(CALL_KINDS).nullable(),
  provider: z.enum(PROVIDERS).nullable(),
  providerDetail: z.string().nullable(),
  model: z.string().nullable(),
  endpoint: z.string().nullable(),
  /** The test the file belongs to (a pytest node id, a Go test path, a recording name). */
  testId: z.string().nullable(),
  test: parsedTestIdSchema.nullable(),
  /** Any interaction streamed. */
  streaming: z.boolean(),
  /** Chunks over all interactions. */
  chunks: z.number(),
  /** The first recorded error, or null. */
  error: z.string().nullable(),
  toolCalls: z.number(),
  prompt: z.string(),
  reply: z.string(),
  /**
   * The fingerprint of each credential found in the file (lib/secrets), before the allow-list:
   * the index applies the allow-list when it counts, so editing it needs no re-read. Absent until
   * the file is scanned (the index scans after indexing, in the background).
   */
  secrets: z.array(z.string()).optional(),
});

export type RecordingSummary = z.infer<typeof recordingSummarySchema>;
