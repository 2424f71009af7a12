import { z } from "zod";

/**
 * The OpenAI Responses API (`POST /v1/responses`) as recorded: the response object, its output
 * items and the stream events. Only the fields the decoder reads are checked; everything else is
 * kept in the raw view.
 */

const text = z.string().nullish();
const index = z.number().int().nullish();

/** A part of a message's content: `output_text` (with annotations), `refusal`, ... */
export const contentPartSchema = z.looseObject({ type: z.string(), text, refusal: text });

export const messageItemSchema = z.looseObject({
  type: z.literal("message"),
  id: text,
  role: text,
  content: z.union([z.string(), z.array(contentPartSchema)]).nullish(),
});

/** Reasoning: summaries (`summary_text`) and, from open-weight models, the raw `reasoning_text`. */
export const reasoningItemSchema = z.looseObject({
  type: z.literal("reasoning"),
  id: text,
  summary: z.array(z.looseObject({ type: z.string().nullish(), text: z.string() })).nullish(),
  content: z.array(z.looseObject({ type: z.string().nullish(), text: z.string() })).nullish(),
});

/** The calls the model makes: client functions, custom tools (free-form `input`) and MCP calls. */
export const toolCallItemSchema = z.looseObject({
  type: z.enum(["function_call", "custom_tool_call", "mcp_call"]),
  id: text,
  call_id: text,
  name: text,
  arguments: text,
  input: text,
});

/** Any output item: its type tells which of the schemas above applies. */
export const outputItemSchema = z.looseObject({ type: z.string(), id: text });

export const responseErrorSchema = z.looseObject({ code: text, message: text });

export const responseObjectSchema = z.looseObject({
  id: text,
  status: text,
  model: text,
  output: z.array(z.unknown()).nullish(),
  usage: z.unknown().optional(),
  incomplete_details: z.looseObject({ reason: text }).nullish(),
  error: responseErrorSchema.nullish(),
});
export type ResponseObject = z.infer<typeof responseObjectSchema>;

/** Every stream event has a `type`; which other fields it has depends on it. */
export const eventSchema = z.looseObject({ type: z.string() });

/** `response.*.delta` events: a piece of text, reasoning or arguments for one output item. */
export const deltaEventSchema = z.looseObject({
  delta: z.string(),
  output_index: index,
  item_id: text,
  content_index: index,
  summary_index: index,
});

/** `response.output_item.added` / `.done`. */
export const itemEventSchema = z.looseObject({ item: outputItemSchema, output_index: index });

/** `response.created` / `in_progress` / `queued` / `completed` / `incomplete` / `failed`. */
export const lifecycleEventSchema = z.looseObject({ response: responseObjectSchema });

/** Response usage: `input_tokens`, `output_tokens`, `output_tokens_details.reasoning_tokens`. */
export const responseUsageSchema = z.looseObject({
  output_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
});
