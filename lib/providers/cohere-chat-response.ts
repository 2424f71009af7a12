import { assembledToolCall } from "@/lib/model/assembler";
import type { AssembledMessage, AssembledToolCall, ResponseInfo, Usage } from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import {
  cohereV1ChatResponseSchema,
  cohereV1CountsSchema,
  cohereV1GenerateResponseSchema,
  cohereV2ResponseSchema,
  cohereV2UsageSchema,
} from "./cohere-chat-schemas";

/** Non-stream Cohere answers (v2 chat, v1 chat, v1 generate) and Cohere's two ways of counting tokens. */

function usage(
  input: number | null | undefined,
  output: number | null | undefined,
  total: number | null | undefined,
  reasoning: number | null | undefined,
  raw: unknown,
): Usage | null {
  const inputTokens = input ?? null;
  const outputTokens = output ?? null;
  const totalTokens =
    total ?? (inputTokens !== null && outputTokens !== null ? inputTokens + outputTokens : null);
  if (inputTokens === null && outputTokens === null && totalTokens === null) return null;
  return { inputTokens, outputTokens, totalTokens, reasoningTokens: reasoning ?? null, raw };
}

/** v2 `usage`: the model's `tokens` when given, else the `billed_units`. */
export function cohereV2Usage(raw: unknown): Usage | null {
  const parsed = cohereV2UsageSchema.safeParse(raw);
  if (!parsed.success) return null;
  const counts = parsed.data.tokens ?? parsed.data.billed_units;
  if (!counts) return null;
  return usage(counts.input_tokens, counts.output_tokens, null, counts.reasoning_tokens, raw);
}

/** v1: `token_count` (chat) when given, else `meta.billed_units`; `raw` is the object read. */
export function cohereV1Usage(response: unknown): Usage | null {
  const parsed = cohereV1CountsSchema.safeParse(response);
  if (!parsed.success) return null;
  const { token_count: count, meta } = parsed.data;
  if (count) return usage(count.prompt_tokens, count.response_tokens, count.total_tokens, null, count);
  const billed = meta?.billed_units;
  return billed ? usage(billed.input_tokens, billed.output_tokens, null, null, billed) : null;
}

function choice(
  index: number,
  content: string,
  reasoning: string,
  toolCalls: AssembledToolCall[],
  finish: string | null | undefined,
): AssembledMessage {
  return { index, role: "assistant", content, reasoning, toolCalls, finishReason: finish ?? null };
}

/**
 * A v2 answer: `text` blocks are the content, `thinking` blocks and the `tool_plan` (the model's
 * plan before it calls tools) the reasoning, `tool_calls` whole with their JSON-text arguments.
 */
export function cohereV2Response(body: unknown, notes: string[]): ResponseInfo {
  const path = "response.body";
  const { message, finish_reason: finish, usage: rawUsage } = parseAt(cohereV2ResponseSchema, body, path);
  let content = "";
  let reasoning = "";
  (message.content ?? []).forEach((block, i) => {
    if (block.type === "text") content += block.text ?? "";
    else if (block.type === "thinking") reasoning += block.thinking ?? "";
    else notes.push(`content block ${i} (${block.type}) is not part of the text, reasoning or tool calls`);
  });
  if (message.tool_plan) reasoning += message.tool_plan;
  const toolCalls = (message.tool_calls ?? []).map((call, i) => {
    const args = call.function?.arguments ?? "";
    return assembledToolCall(i, call.id ?? null, call.function?.name ?? null, args === "" ? [] : [args]);
  });
  const citations = message.citations?.length ?? 0;
  if (citations > 0) notes.push(`the answer cites its sources ${citations} time(s) (message.citations)`);
  const chosen = choice(0, content, reasoning, toolCalls, finish);
  chosen.role = message.role ?? "assistant";
  return {
    type: "message",
    streaming: false,
    chunks: [],
    choices: [chosen],
    usage: cohereV2Usage(rawUsage),
    model: null,
  };
}

/** v1 tool calls `{name, parameters}` as tool calls with the parameters as JSON text. */
export function cohereV1ToolCalls(
  calls: readonly { name?: string | null; parameters?: unknown }[],
): AssembledToolCall[] {
  return calls.map((call, i) => {
    const args = call.parameters === undefined ? "" : JSON.stringify(call.parameters);
    return assembledToolCall(i, null, call.name ?? null, args === "" ? [] : [args]);
  });
}

/** A v1 chat answer (`text`, `tool_calls`, `finish_reason`, `token_count`). */
export function cohereV1ChatResponse(body: unknown): ResponseInfo {
  const parsed = parseAt(cohereV1ChatResponseSchema, body, "response.body");
  const toolCalls = cohereV1ToolCalls(parsed.tool_calls ?? []);
  return {
    type: "message",
    streaming: false,
    chunks: [],
    choices: [choice(0, parsed.text ?? "", "", toolCalls, parsed.finish_reason)],
    usage: cohereV1Usage(body),
    model: null,
  };
}

/** A v1 generate answer: each generation is a choice. */
export function cohereV1GenerateResponse(body: unknown): ResponseInfo {
  const { generations } = parseAt(cohereV1GenerateResponseSchema, body, "response.body");
  const choices = generations.map((generation, i) =>
    choice(generation.index ?? i, generation.text ?? "", "", [], generation.finish_reason),
  );
  if (choices.length === 0) choices.push(choice(0, "", "", [], null));
  return { type: "message", streaming: false, chunks: [], choices, usage: cohereV1Usage(body), model: null };
}
