import { z } from "zod";

/**
 * The shapes of AWS Bedrock runtime bodies the Bedrock decoders read: Converse and ConverseStream
 * (`lib/providers/bedrock-converse*.ts`), InvokeModel bodies of the vendors Bedrock hosts
 * (`bedrock-invoke*.ts`), errors. Tolerant: only the fields the decoders use are checked.
 */

const count = z.number().nullish();

/** Converse `usage` (also Nova's InvokeModel body and ConverseStream `metadata`). */
export const bedrockUsageSchema = z.looseObject({
  inputTokens: count,
  outputTokens: count,
  totalTokens: count,
});

// ---- Converse request -------------------------------------------------------------------------

/** One content block: an object with one key naming its kind (`text`, `image`, `toolUse`, ...). */
export const converseBlockSchema = z.record(z.string(), z.unknown());

/** A `{text}` block (also a ConverseStream text delta). */
export const textBlockSchema = z.looseObject({ text: z.string() });

export const converseMessageSchema = z.looseObject({
  role: z.string(),
  content: z.array(z.unknown()).nullish(),
});

const sourceSchema = z.looseObject({
  bytes: z.string().optional(),
  s3Location: z.looseObject({ uri: z.string() }).optional(),
});

export const imageBlockSchema = z.looseObject({
  format: z.string().nullish(),
  source: sourceSchema.nullish(),
});

export const toolUseBlockSchema = z.looseObject({
  toolUseId: z.string().nullish(),
  name: z.string().nullish(),
  input: z.unknown().optional(),
});

export const toolResultBlockSchema = z.looseObject({
  toolUseId: z.string().nullish(),
  content: z.array(z.unknown()).nullish(),
  status: z.string().nullish(),
});

export const reasoningBlockSchema = z.looseObject({
  reasoningText: z.looseObject({ text: z.string(), signature: z.string().nullish() }).nullish(),
  redactedContent: z.string().nullish(),
});

export const citationsBlockSchema = z.looseObject({
  content: z.array(z.looseObject({ text: z.string().optional() })).nullish(),
});

export const toolSpecSchema = z.looseObject({
  name: z.string(),
  description: z.string().nullish(),
  inputSchema: z.looseObject({ json: z.unknown() }).nullish(),
});

export const systemToolSchema = z.looseObject({ name: z.string() });

export const toolConfigSchema = z.looseObject({ tools: z.array(z.unknown()).nullish() });

// ---- Converse response ------------------------------------------------------------------------

export const converseResponseSchema = z.looseObject({
  output: z.looseObject({
    message: z.looseObject({
      role: z.string().nullish(),
      content: z.array(converseBlockSchema),
    }),
  }),
  stopReason: z.string().nullish(),
  usage: bedrockUsageSchema.nullish(),
});

// ---- ConverseStream events (payloads of the eventstream messages) ----------------------------

export const messageStartSchema = z.looseObject({ role: z.string().nullish() });

export const blockStartSchema = z.looseObject({
  contentBlockIndex: z.number().int(),
  start: z
    .looseObject({
      toolUse: z.looseObject({ toolUseId: z.string().nullish(), name: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

export const blockDeltaSchema = z.looseObject({
  contentBlockIndex: z.number().int(),
  delta: z.record(z.string(), z.unknown()),
});

export const toolUseDeltaSchema = z.looseObject({ toolUse: z.looseObject({ input: z.string() }) });
export const reasoningDeltaSchema = z.looseObject({
  reasoningContent: z.looseObject({
    text: z.string().optional(),
    signature: z.string().optional(),
    redactedContent: z.string().optional(),
  }),
});

export const messageStopSchema = z.looseObject({ stopReason: z.string().nullish() });

export const metadataSchema = z.looseObject({ usage: bedrockUsageSchema.nullish() });

/** The payload of an eventstream `exception` message, or of an HTTP error body. */
export const errorMessageSchema = z.looseObject({
  message: z.string().nullish(),
  Message: z.string().nullish(),
  __type: z.string().nullish(),
});

// ---- InvokeModel ------------------------------------------------------------------------------

/** An InvokeModelWithResponseStream `chunk` payload: the vendor's JSON chunk, base64-encoded. */
export const invokeChunkSchema = z.looseObject({ bytes: z.string() });

/** The token counts Bedrock adds to the last chunk of an InvokeModel stream. */
export const invocationMetricsSchema = z.looseObject({
  inputTokenCount: count,
  outputTokenCount: count,
});

/** Amazon Titan Text: `{inputTextTokenCount, results: [{outputText, tokenCount, completionReason}]}`. */
export const titanTextResponseSchema = z.looseObject({
  inputTextTokenCount: count,
  results: z.array(
    z.looseObject({ outputText: z.string(), tokenCount: count, completionReason: z.string().nullish() }),
  ),
});

/** A Titan Text stream chunk. */
export const titanTextChunkSchema = z.looseObject({
  outputText: z.string(),
  index: z.number().int().nullish(),
  completionReason: z.string().nullish(),
  inputTextTokenCount: count,
  totalOutputTextTokenCount: count,
});

/** Anthropic's legacy Text Completions (Claude 2 and older): `{completion, stop_reason}`. */
export const anthropicCompletionSchema = z.looseObject({
  completion: z.string(),
  stop_reason: z.string().nullish(),
});

/** Meta Llama: `{generation, prompt_token_count, generation_token_count, stop_reason}`, body and chunks. */
export const llamaResponseSchema = z.looseObject({
  generation: z.string(),
  prompt_token_count: count,
  generation_token_count: count,
  stop_reason: z.string().nullish(),
});

/** Cohere Command: `{generations: [{text, finish_reason}]}`, body and chunks. */
export const cohereGenerateSchema = z.looseObject({
  generations: z.array(
    z.looseObject({
      text: z.string(),
      finish_reason: z.string().nullish(),
      index: z.number().int().nullish(),
    }),
  ),
});

/** AI21 Jurassic: `{completions: [{data: {text}, finishReason: {reason}}]}`. */
export const ai21ResponseSchema = z.looseObject({
  completions: z.array(
    z.looseObject({
      data: z.looseObject({ text: z.string() }),
      finishReason: z.looseObject({ reason: z.string().nullish() }).nullish(),
    }),
  ),
});

/** Mistral text models: `{outputs: [{text, stop_reason}]}`, body and chunks. */
export const mistralOutputsSchema = z.looseObject({
  outputs: z.array(z.looseObject({ text: z.string(), stop_reason: z.string().nullish() })),
});

const vector = z.array(z.number());

/** Amazon Titan embeddings: `{embedding, inputTextTokenCount}`. */
export const titanEmbeddingSchema = z.looseObject({ embedding: vector, inputTextTokenCount: count });

/** Cohere embed: `{embeddings: [[...]]}` or, with `embedding_types`, `{embeddings: {float: [[...]]}}`. */
export const cohereEmbedSchema = z.looseObject({
  embeddings: z.union([z.array(vector), z.looseObject({ float: z.array(vector) })]),
});

/** Amazon Nova multimodal embeddings: `{embeddings: [{embeddingType, embedding}]}`. */
export const novaEmbeddingSchema = z.looseObject({
  embeddings: z.array(z.looseObject({ embedding: vector, embeddingType: z.string().nullish() })),
});

// ---- CountTokens ------------------------------------------------------------------------------

export const countTokensRequestSchema = z.looseObject({
  input: z.looseObject({
    converse: z.unknown().optional(),
    invokeModel: z.looseObject({ body: z.unknown() }).optional(),
  }),
});

export const countTokensResponseSchema = z.looseObject({ inputTokens: z.number() });
