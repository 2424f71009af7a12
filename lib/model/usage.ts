import { z } from "zod";
import type { Usage } from "./exchange";

const count = z.number().nullable().optional();

const usageShape = z.looseObject({
  // OpenAI
  prompt_tokens: count,
  completion_tokens: count,
  total_tokens: count,
  completion_tokens_details: z.looseObject({ reasoning_tokens: count }).nullable().optional(),
  // Anthropic
  input_tokens: count,
  output_tokens: count,
  // Gemini / Vertex
  prompt_token_count: count,
  candidates_token_count: count,
  total_token_count: count,
  thoughts_token_count: count,
  promptTokenCount: count,
  candidatesTokenCount: count,
  totalTokenCount: count,
  thoughtsTokenCount: count,
  // Ollama native
  prompt_eval_count: count,
  eval_count: count,
  // Gemini interactions
  total_input_tokens: count,
  total_output_tokens: count,
  total_thought_tokens: count,
});

function first(...values: (number | null | undefined)[]): number | null {
  for (const value of values) if (typeof value === "number") return value;
  return null;
}

/**
 * Reads a provider's usage object (OpenAI, Anthropic, Gemini, Ollama field names) into `Usage`.
 * Returns null for anything that carries no token count at all.
 */
export function usageFrom(raw: unknown): Usage | null {
  const parsed = usageShape.safeParse(raw);
  if (!parsed.success) return null;
  const u = parsed.data;
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
