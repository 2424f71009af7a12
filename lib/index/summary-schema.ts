import { z } from "zod";
import { CALL_KINDS, FAMILIES, PROVIDERS } from "@/lib/model/exchange";
import { FAILURE_KINDS } from "@/lib/recording/decode";

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

/** What the index keeps in memory for one file; full bodies are decoded on demand. */
export const recordingSummarySchema = z.object({
  relPath: z.string(),
  fileName: z.string(),
  suite: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  /** Null for a decoded file; the failure for a broken one. */
  broken: z.object({ kind: z.enum(FAILURE_KINDS), reason: z.string() }).nullable(),
  family: z.enum(FAMILIES).nullable(),
  kind: z.enum(CALL_KINDS).nullable(),
  provider: z.enum(PROVIDERS).nullable(),
  providerDetail: z.string().nullable(),
  model: z.string().nullable(),
  endpoint: z.string().nullable(),
  testId: z.string().nullable(),
  test: parsedTestIdSchema.nullable(),
  streaming: z.boolean(),
  chunks: z.number(),
  /** `type: message` of the recorded error, or null. */
  error: z.string().nullable(),
  toolCalls: z.number(),
  /** Short excerpts for lists and search. */
  prompt: z.string(),
  reply: z.string(),
});

export type RecordingSummary = z.infer<typeof recordingSummarySchema>;
