import type { Usage } from "./exchange";

/** The token counts read, by the names OpenAI, Anthropic, Gemini, Vertex and Ollama give them. */
const COUNTS = [
  // OpenAI
  "prompt_tokens",
  "completion_tokens",
  "total_tokens",
  // Anthropic
  "input_tokens",
  "output_tokens",
  // Gemini / Vertex
  "prompt_token_count",
  "candidates_token_count",
  "total_token_count",
  "thoughts_token_count",
  "promptTokenCount",
  "candidatesTokenCount",
  "totalTokenCount",
  "thoughtsTokenCount",
  // Ollama native
  "prompt_eval_count",
  "eval_count",
  // Gemini interactions
  "total_input_tokens",
  "total_output_tokens",
  "total_thought_tokens",
] as const;

type Counts = { [key in (typeof COUNTS)[number]]?: number | null } & {
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A finite number, null or absent: what a count may be. */
function isCount(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "number" && Number.isFinite(value));
}

/**
 * An object whose counts (those present) are numbers or null. Checked by hand: usage is read for
 * every call and many stream chunks, where a zod schema of twenty keys showed in CPU profiles.
 */
function isUsageShape(value: unknown): value is Counts {
  if (!isObject(value)) return false;
  for (const key of COUNTS) if (!isCount(value[key])) return false;
  const details = value.completion_tokens_details;
  if (details === undefined || details === null) return true;
  return isObject(details) && isCount(details.reasoning_tokens);
}

function first(...values: (number | null | undefined)[]): number | null {
  for (const value of values) if (typeof value === "number") return value;
  return null;
}

/**
 * Reads a provider's usage object (OpenAI, Anthropic, Gemini, Ollama field names) into `Usage`.
 * Returns null for anything that carries no token count at all.
 */
export function usageFrom(raw: unknown): Usage | null {
  if (!isUsageShape(raw)) return null;
  const u = raw;
  const inputTokens = first(
    u.prompt_tokens,
    u.input_tokens,
    u.prompt_token_count,
    u.promptTokenCount,
    u.prompt_eval_count,
    u.total_input_tokens,
  );
  const outputTokens = first(
    u.completion_tokens,
    u.output_tokens,
    u.candidates_token_count,
    u.candidatesTokenCount,
    u.eval_count,
    u.total_output_tokens,
  );
  const reasoningTokens = first(
    u.completion_tokens_details?.reasoning_tokens,
    u.thoughts_token_count,
    u.thoughtsTokenCount,
    u.total_thought_tokens,
  );
  let totalTokens = first(u.total_tokens, u.total_token_count, u.totalTokenCount);
  if (totalTokens === null && inputTokens !== null && outputTokens !== null) {
    totalTokens = inputTokens + outputTokens;
  }
  if (inputTokens === null && outputTokens === null && totalTokens === null && reasoningTokens === null) {
    return null;
  }
  return { inputTokens, outputTokens, totalTokens, reasoningTokens, raw };
}
