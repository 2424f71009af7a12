import { z } from "zod";

/**
 * Schemas for Cohere's chat API as HTTP cassettes hold it: v2 (`POST /v2/chat`: JSON answers and
 * SSE streams) and v1 (`POST /v1/chat`, `/v1/generate`: JSON answers and `application/stream+json`
 * NDJSON streams). Only the fields the decoder reads are checked; what was recorded stays in the
 * chunks' `raw` and the request body.
 */

/* ---------- v2 requests ---------- */

const v2ToolCallSchema = z.looseObject({
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});
export type CohereToolCall = z.infer<typeof v2ToolCallSchema>;

export const cohereV2MessageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
  tool_calls: z.array(v2ToolCallSchema).nullish(),
  tool_plan: z.string().nullish(),
  tool_call_id: z.string().nullish(),
});

export const cohereV2ToolSchema = z.looseObject({
  type: z.string().nullish(),
  function: z
    .looseObject({
      name: z.string(),
      description: z.string().nullish(),
      parameters: z.unknown().optional(),
    })
    .nullish(),
});

export const cohereV2RequestSchema = z.looseObject({
  model: z.string().nullish(),
  messages: z.array(z.unknown()).nullish(),
  tools: z.array(z.unknown()).nullish(),
});

/* ---------- v1 requests ---------- */

export const cohereV1TurnSchema = z.looseObject({
  role: z.string(),
  message: z.string().nullish(),
});

export const cohereV1ToolSchema = z.looseObject({
  name: z.string(),
  description: z.string().nullish(),
  parameter_definitions: z.unknown().optional(),
});

export const cohereV1RequestSchema = z.looseObject({
  model: z.string().nullish(),
  message: z.string().nullish(),
  prompt: z.string().nullish(),
  preamble: z.string().nullish(),
  chat_history: z.array(z.unknown()).nullish(),
  tools: z.array(z.unknown()).nullish(),
});

/* ---------- v2 responses ---------- */

const countsSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  reasoning_tokens: z.number().nullish(),
});

/** v2 `usage`: `tokens` (what the model saw) and `billed_units` (what was charged). */
export const cohereV2UsageSchema = z.looseObject({
  tokens: countsSchema.nullish(),
  billed_units: countsSchema.nullish(),
});

const contentBlockSchema = z.looseObject({
  type: z.string(),
  text: z.string().nullish(),
  thinking: z.string().nullish(),
});

/** A non-stream v2 answer. */
export const cohereV2ResponseSchema = z.looseObject({
  id: z.string().nullish(),
  message: z.looseObject({
    role: z.string().nullish(),
    content: z.array(contentBlockSchema).nullish(),
    tool_calls: z.array(v2ToolCallSchema).nullish(),
    tool_plan: z.string().nullish(),
    citations: z.array(z.unknown()).nullish(),
  }),
  finish_reason: z.string().nullish(),
  usage: z.unknown().optional(),
});

/* v2 stream events: every event has a `type`; the others carry their piece under `delta.message`. */

export const cohereV2EventSchema = z.looseObject({ type: z.string(), index: z.number().int().nullish() });

export const cohereMessageStartSchema = z.looseObject({
  id: z.string().nullish(),
  delta: z.looseObject({ message: z.looseObject({ role: z.string().nullish() }).nullish() }).nullish(),
});

export const cohereContentStartSchema = z.looseObject({
  delta: z.looseObject({
    message: z.looseObject({ content: contentBlockSchema.nullish() }),
  }),
});

export const cohereContentDeltaSchema = z.looseObject({
  delta: z.looseObject({
    message: z.looseObject({
      content: z.looseObject({ text: z.string().nullish(), thinking: z.string().nullish() }),
    }),
  }),
});

export const cohereToolPlanDeltaSchema = z.looseObject({
  delta: z.looseObject({ message: z.looseObject({ tool_plan: z.string() }) }),
});

export const cohereToolCallDeltaSchema = z.looseObject({
  delta: z.looseObject({ message: z.looseObject({ tool_calls: v2ToolCallSchema }) }),
});

export const cohereMessageEndSchema = z.looseObject({
  delta: z
    .looseObject({
      finish_reason: z.string().nullish(),
      usage: z.unknown().optional(),
      error: z.string().nullish(),
    })
    .nullish(),
});

/* ---------- v1 responses ---------- */

/** v1 counts: `token_count` on chat answers, `meta.billed_units` on both. */
export const cohereV1CountsSchema = z.looseObject({
  token_count: z
    .looseObject({
      prompt_tokens: z.number().nullish(),
      response_tokens: z.number().nullish(),
      total_tokens: z.number().nullish(),
    })
    .nullish(),
  meta: z.looseObject({ billed_units: countsSchema.nullish() }).nullish(),
});

const v1ToolCallSchema = z.looseObject({ name: z.string().nullish(), parameters: z.unknown().optional() });

/** A non-stream v1 chat answer (also the `response` of its `stream-end` line). */
export const cohereV1ChatResponseSchema = z.looseObject({
  text: z.string().nullish(),
  finish_reason: z.string().nullish(),
  tool_calls: z.array(v1ToolCallSchema).nullish(),
});

/** A non-stream v1 generate answer: one generation per requested `num_generations`. */
export const cohereV1GenerateResponseSchema = z.looseObject({
  generations: z.array(
    z.looseObject({
      index: z.number().int().nullish(),
      text: z.string().nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
});

/** One line of a v1 stream (`stream-start`, `text-generation`, `tool-calls-generation`, `stream-end`...). */
export const cohereV1LineSchema = z.looseObject({
  event_type: z.string(),
  index: z.number().int().nullish(),
  text: z.string().nullish(),
  finish_reason: z.string().nullish(),
  tool_calls: z.array(v1ToolCallSchema).nullish(),
  response: z.unknown().optional(),
});
