import type { ContentPart, ConversationMessage } from "@/lib/model/exchange";

/** Completions `prompt` and embeddings `input` as user messages. */

/** A user turn made of the given parts. */
export function userMessage(parts: ContentPart[]): ConversationMessage {
  return { role: "user", parts, name: null, toolCallId: null, toolCalls: [] };
}

function isTokenList(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === "number");
}

/**
 * Parts of a completions `prompt` or embeddings `input`: a string, a list of strings, a list of
 * token ids, or a list of token-id lists. Token ids are kept as `tokens` parts.
 */
export function promptParts(value: unknown): ContentPart[] {
  if (typeof value === "string") return [{ type: "text", text: value }];
  if (isTokenList(value)) return [{ type: "other", label: "tokens", value }];
  if (Array.isArray(value)) return value.flatMap(promptParts);
  if (value === undefined || value === null) return [];
  return [{ type: "other", label: "prompt", value }];
}

/** A completions `prompt` as one user message (none when there is no prompt). */
export function promptMessages(prompt: unknown): ConversationMessage[] {
  const parts = promptParts(prompt);
  return parts.length === 0 ? [] : [userMessage(parts)];
}

/** An embeddings `input` as user messages: one per input string or token list. */
export function inputMessages(input: unknown): ConversationMessage[] {
  if (Array.isArray(input) && !isTokenList(input))
    return input.map((entry) => userMessage(promptParts(entry)));
  return promptMessages(input);
}
