import { z } from "zod";

/**
 * Schemas for Ollama native bodies (`ollama._types.*` in `__data__`, and the request bodies of
 * /api/generate, /api/chat, /api/embed(dings)). Only the fields the decoder reads are checked, so
 * new Ollama fields never break parsing. They are `z.object`s: unknown keys are ignored rather
 * than copied (as tolerant as `z.looseObject`, about twice as fast on the thousands of stream
 * chunks a corpus holds); what was recorded stays in `Chunk.raw` and `request.body`.
 */

/** The inference request fields the decoder reads (`headers` and the rest stay in the file). */
export const ollamaInferenceRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  endpoint: z.string().nullish(),
  model: z.string().nullish(),
  body: z.unknown().optional(),
  provider_metadata: z.unknown().optional(),
});
export type OllamaInferenceRequest = z.infer<typeof ollamaInferenceRequestSchema>;

const count = z.number().nullish();

/** Whole tool call as Ollama sends it: `{function: {name, arguments: object}}`. */
export const ollamaToolCallSchema = z.object({
  id: z.string().nullish(),
  function: z.object({
    name: z.string().nullish(),
    arguments: z.unknown().optional(),
    index: z.number().int().nullish(),
  }),
});
export type OllamaToolCall = z.infer<typeof ollamaToolCallSchema>;

/**
 * Counts and durations on a generate/chat/embed response. Parsed once per file (first and final
 * chunk), not per chunk.
 */
export const ollamaMetricsSchema = z.object({
  model: z.string().nullish(),
  prompt_eval_count: count,
  eval_count: count,
  total_duration: count,
  load_duration: count,
  prompt_eval_duration: count,
  eval_duration: count,
});
export type OllamaMetrics = z.infer<typeof ollamaMetricsSchema>;

/** A `GenerateResponse` (whole answer or stream chunk): the fields that build the message. */
export const ollamaGenerateSchema = z.object({
  done: z.boolean().nullish(),
  done_reason: z.string().nullish(),
  response: z.string().nullish(),
  thinking: z.string().nullish(),
});

/** A `ChatResponse` (whole answer or stream chunk): the fields that build the message. */
export const ollamaChatSchema = z.object({
  done: z.boolean().nullish(),
  done_reason: z.string().nullish(),
  message: z
    .object({
      role: z.string().nullish(),
      content: z.string().nullish(),
      thinking: z.string().nullish(),
      images: z.array(z.unknown()).nullish(),
      tool_calls: z.array(ollamaToolCallSchema).nullish(),
    })
    .nullish(),
});

/** `EmbedResponse` (`embeddings`: one vector per input) or the older `embedding` (one vector). */
function isNumberVector(value: unknown): value is number[] {
  if (!Array.isArray(value)) return false;
  for (const entry of value) if (typeof entry !== "number") return false;
  return true;
}

/** A vector of numbers, checked with a plain loop (vectors hold thousands of numbers). */
const vectorSchema = z.custom<number[]>(isNumberVector, "expected an array of numbers");

export const ollamaEmbedSchema = z.object({
  embeddings: z.array(vectorSchema).nullish(),
  embedding: vectorSchema.nullish(),
});

/** A model in `ListResponse` (/api/tags) or `ProcessResponse` (/api/ps). */
export const ollamaModelSchema = z.object({
  model: z.string().nullish(),
  name: z.string().nullish(),
});
/** The list itself; each entry is parsed on its own (its other fields become the details). */
export const ollamaModelListSchema = z.object({ models: z.array(z.unknown()) });

/** `ProgressResponse` (/api/pull, /api/push, /api/create) and `StatusResponse`. */
export const ollamaStatusSchema = z.object({
  status: z.string().nullish(),
  completed: count,
  total: count,
});

export const ollamaGenerateRequestSchema = z.object({
  model: z.string().nullish(),
  prompt: z.string().nullish(),
  system: z.string().nullish(),
  images: z.array(z.unknown()).nullish(),
});

export const ollamaChatMessageSchema = z.object({
  role: z.string(),
  content: z.unknown().optional(),
  thinking: z.string().nullish(),
  images: z.array(z.unknown()).nullish(),
  tool_calls: z.array(ollamaToolCallSchema).nullish(),
  tool_name: z.string().nullish(),
  name: z.string().nullish(),
  tool_call_id: z.string().nullish(),
});

export const ollamaToolDefinitionSchema = z.object({
  type: z.string().nullish(),
  function: z
    .object({
      name: z.string().nullish(),
      description: z.string().nullish(),
      parameters: z.unknown().optional(),
    })
    .nullish(),
});

export const ollamaChatRequestSchema = z.object({
  model: z.string().nullish(),
  messages: z.array(ollamaChatMessageSchema).nullish(),
  tools: z.array(ollamaToolDefinitionSchema).nullish(),
});

export const ollamaEmbedRequestSchema = z.object({
  model: z.string().nullish(),
  input: z.unknown().optional(),
  prompt: z.string().nullish(),
});

export const ollamaAnyRequestSchema = z.object({ model: z.string().nullish() });
