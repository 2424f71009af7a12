import { z } from "zod";

/**
 * Schemas for Vertex / Gemini `generate_content` bodies as the google-genai SDK dumps them
 * (snake_case); requests also accept the REST API's camelCase names. Only the fields the decoder
 * reads are checked, so new fields never break parsing. Most are `z.object`s: unknown keys are
 * ignored rather than copied (as tolerant as `z.looseObject`, and several times faster on stream
 * chunks, whose `sdk_http_response` and timestamps the decoder does not read). Parts, tools and
 * config stay loose: their other keys are shown (unknown parts, built-in tools, parameters).
 */

const functionCallSchema = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  args: z.record(z.string(), z.unknown()).nullish(),
});
export type GeminiFunctionCall = z.infer<typeof functionCallSchema>;

const functionResponseSchema = z.looseObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  response: z.unknown().optional(),
});

const blobSchema = z.looseObject({
  mime_type: z.string().nullish(),
  mimeType: z.string().nullish(),
  data: z.unknown().optional(),
});

const fileDataSchema = z.looseObject({
  mime_type: z.string().nullish(),
  mimeType: z.string().nullish(),
  file_uri: z.string().nullish(),
  fileUri: z.string().nullish(),
});

export const geminiPartSchema = z.looseObject({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  function_call: functionCallSchema.nullish(),
  functionCall: functionCallSchema.nullish(),
  function_response: functionResponseSchema.nullish(),
  functionResponse: functionResponseSchema.nullish(),
  inline_data: blobSchema.nullish(),
  inlineData: blobSchema.nullish(),
  file_data: fileDataSchema.nullish(),
  fileData: fileDataSchema.nullish(),
});
export type GeminiPart = z.infer<typeof geminiPartSchema>;

/** A `Content` in a request (`contents`, `system_instruction`). */
export const geminiContentSchema = z.object({
  role: z.string().nullish(),
  parts: z.array(geminiPartSchema).nullish(),
});

/*
 * Response bodies: the google-genai SDK dump is snake_case, so only the snake_case names are
 * checked per chunk (each optional field costs time on every chunk); usage and model version are
 * also read under their camelCase names, which is enough to tell a REST-style body apart.
 */

/** A part of a candidate: text, thought text, or a whole function call; other kinds are events. */
const responsePartSchema = z.looseObject({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  function_call: functionCallSchema.nullish(),
});

const candidateSchema = z.object({
  index: z.number().int().nullish(),
  content: z
    .object({
      role: z.string().nullish(),
      parts: z.array(responsePartSchema).nullish(),
    })
    .nullish(),
  finish_reason: z.string().nullish(),
  logprobs_result: z.object({ chosen_candidates: z.array(z.unknown()).nullish() }).nullish(),
});
export type GeminiCandidate = z.infer<typeof candidateSchema>;

/** One `GenerateContentResponse` (a whole non-stream answer, or one stream chunk). */
export const geminiResponseSchema = z.object({
  candidates: z.array(candidateSchema).nullish(),
  usage_metadata: z.unknown().optional(),
  usageMetadata: z.unknown().optional(),
  model_version: z.string().nullish(),
  modelVersion: z.string().nullish(),
  prompt_feedback: z.object({ block_reason: z.string().nullish() }).nullish(),
});
export type GeminiResponse = z.infer<typeof geminiResponseSchema>;

/*
 * The REST API's camelCase bodies (HTTP cassettes; llama-stack's raw-HTTP recordings), turned
 * into the SDK's snake_case shape above so one assembly reads both. `$alt=json;enum-encoding=int`
 * calls send enums as numbers (`finishReason: 1`).
 */

/** `Candidate.FinishReason` numbers whose names every version of the API agrees on. */
const FINISH_REASONS = ["FINISH_REASON_UNSPECIFIED", "STOP", "MAX_TOKENS", "SAFETY", "RECITATION"];

/** An enum sent as its name, or as its number under `enum-encoding=int`. */
function enumName(value: string | number | null | undefined, names: readonly string[]): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  return names[value] ?? String(value);
}

const enumSchema = z.union([z.string(), z.number().int()]).nullish();

const restPartSchema = z
  .looseObject({
    text: z.string().nullish(),
    thought: z.boolean().nullish(),
    functionCall: functionCallSchema.nullish(),
  })
  .transform(({ functionCall, ...part }) => (functionCall ? { ...part, function_call: functionCall } : part));

const restCandidateSchema = z
  .object({
    index: z.number().int().nullish(),
    content: z
      .object({
        role: z.string().nullish(),
        parts: z.array(restPartSchema).nullish(),
      })
      .nullish(),
    finishReason: enumSchema,
    logprobsResult: z.object({ chosenCandidates: z.array(z.unknown()).nullish() }).nullish(),
  })
  .transform((candidate): GeminiCandidate => ({
    index: candidate.index,
    content: candidate.content,
    finish_reason: enumName(candidate.finishReason, FINISH_REASONS),
    logprobs_result: candidate.logprobsResult
      ? { chosen_candidates: candidate.logprobsResult.chosenCandidates }
      : null,
  }));

/** One REST `GenerateContentResponse`, as the snake_case `GeminiResponse`. */
export const geminiRestResponseSchema = z
  .object({
    candidates: z.array(restCandidateSchema).nullish(),
    usageMetadata: z.unknown().optional(),
    modelVersion: z.string().nullish(),
    promptFeedback: z.object({ blockReason: enumSchema }).nullish(),
  })
  .transform((response): GeminiResponse => ({
    candidates: response.candidates,
    usageMetadata: response.usageMetadata,
    modelVersion: response.modelVersion,
    prompt_feedback: response.promptFeedback
      ? { block_reason: enumName(response.promptFeedback.blockReason, []) }
      : null,
  }));

/** True when a response body (or stream chunk) is in the REST API's camelCase. */
export function isRestResponse(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  return (
    "usageMetadata" in value || "modelVersion" in value || "responseId" in value || "promptFeedback" in value
  );
}

/** The inference request fields the decoder reads (`headers` and the rest stay in the file). */
export const geminiInferenceRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  endpoint: z.string().nullish(),
  model: z.string().nullish(),
  body: z.unknown().optional(),
  provider_metadata: z.unknown().optional(),
});

const functionDeclarationSchema = z.object({
  name: z.string(),
  description: z.string().nullish(),
  parameters: z.unknown().optional(),
  parameters_json_schema: z.unknown().optional(),
  parametersJsonSchema: z.unknown().optional(),
});

export const geminiToolSchema = z.looseObject({
  function_declarations: z.array(functionDeclarationSchema).nullish(),
  functionDeclarations: z.array(functionDeclarationSchema).nullish(),
});

/** `tools`: a list, or one tool object (the REST API takes that too). */
const toolsSchema = z
  .union([z.array(geminiToolSchema), geminiToolSchema])
  .transform((tools) => (Array.isArray(tools) ? tools : [tools]))
  .nullish();

const configSchema = z.looseObject({
  system_instruction: z.unknown().optional(),
  systemInstruction: z.unknown().optional(),
  tools: toolsSchema,
});

/** The request body: `{model, contents, config}` (SDK) or the REST payload's top-level fields. */
export const geminiRequestBodySchema = z.object({
  model: z.string().nullish(),
  contents: z.unknown().optional(),
  config: configSchema.nullish(),
  system_instruction: z.unknown().optional(),
  systemInstruction: z.unknown().optional(),
  tools: toolsSchema,
});
