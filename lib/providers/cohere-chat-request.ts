import type { ContentPart, ConversationMessage, ToolCall, ToolDefinition } from "@/lib/model/exchange";
import {
  cohereV1RequestSchema,
  cohereV1ToolSchema,
  cohereV1TurnSchema,
  cohereV2MessageSchema,
  cohereV2RequestSchema,
  cohereV2ToolSchema,
  type CohereToolCall,
} from "./cohere-chat-schemas";
import { openaiContentPart } from "./openai-messages";
import { omitKeys } from "./request-info";

/**
 * The request payload of Cohere's chat API as a conversation. v2 messages are OpenAI-like
 * (`content` a string or parts, `tool_calls` with JSON-text arguments, `tool_plan`); v1 has
 * `preamble`, `chat_history` (`USER`/`CHATBOT`/`SYSTEM` turns) and the new `message`; v1 generate
 * has a `prompt`. Tolerant: what it cannot read is kept as an `other` part.
 */

export interface CohereConversation {
  messages: ConversationMessage[];
  tools: ToolDefinition[];
  params: Record<string, unknown>;
  model: string | null;
}

function message(role: string, parts: ContentPart[], toolCalls: ToolCall[] = []): ConversationMessage {
  return { role, parts, name: null, toolCallId: null, toolCalls };
}

function v2ToolCall(call: CohereToolCall): ToolCall {
  return {
    id: call.id ?? null,
    name: call.function?.name ?? null,
    arguments: call.function?.arguments ?? "",
  };
}

function v2Message(raw: unknown): ConversationMessage {
  const parsed = cohereV2MessageSchema.safeParse(raw);
  if (!parsed.success) return message("unknown", [{ type: "other", label: "message", value: raw }]);
  const { role, content, tool_calls: calls, tool_plan: plan, tool_call_id: callId } = parsed.data;
  const parts: ContentPart[] = [];
  if (plan) parts.push({ type: "other", label: "tool_plan", value: plan });
  if (typeof content === "string") {
    if (content !== "") parts.push({ type: "text", text: content });
  } else if (Array.isArray(content)) {
    parts.push(...content.map(openaiContentPart));
  }
  return { role, parts, name: null, toolCallId: callId ?? null, toolCalls: (calls ?? []).map(v2ToolCall) };
}

function v2Tool(raw: unknown): ToolDefinition {
  const parsed = cohereV2ToolSchema.safeParse(raw);
  const fn = parsed.success ? parsed.data.function : null;
  if (!fn) return { name: "tool", description: null, parameters: raw };
  return { name: fn.name, description: fn.description ?? null, parameters: fn.parameters ?? null };
}

/** v1 roles in the model's words. */
const V1_ROLES: Record<string, string> = {
  USER: "user",
  CHATBOT: "assistant",
  SYSTEM: "system",
  TOOL: "tool",
};

function v1Turn(raw: unknown): ConversationMessage {
  const parsed = cohereV1TurnSchema.safeParse(raw);
  if (!parsed.success) return message("unknown", [{ type: "other", label: "turn", value: raw }]);
  const { role, message: text } = parsed.data;
  return message(V1_ROLES[role] ?? role.toLowerCase(), text ? [{ type: "text", text }] : []);
}

function v1Tool(raw: unknown): ToolDefinition {
  const parsed = cohereV1ToolSchema.safeParse(raw);
  if (!parsed.success) return { name: "tool", description: null, parameters: raw };
  const tool = parsed.data;
  return {
    name: tool.name,
    description: tool.description ?? null,
    parameters: tool.parameter_definitions ?? null,
  };
}

/** A v2 chat payload (`messages`, `tools`); a non-object gives an empty conversation. */
export function cohereV2Conversation(payload: unknown): CohereConversation {
  const parsed = cohereV2RequestSchema.safeParse(payload);
  if (!parsed.success) return { messages: [], tools: [], params: {}, model: null };
  const { model, messages, tools } = parsed.data;
  return {
    messages: (messages ?? []).map(v2Message),
    tools: (tools ?? []).map(v2Tool),
    params: omitKeys(payload, ["model", "messages", "tools"]),
    model: model ?? null,
  };
}

/** A v1 chat or generate payload (`preamble`, `chat_history`, `message`, or `prompt`). */
export function cohereV1Conversation(payload: unknown): CohereConversation {
  const parsed = cohereV1RequestSchema.safeParse(payload);
  if (!parsed.success) return { messages: [], tools: [], params: {}, model: null };
  const { model, message: text, prompt, preamble, chat_history: history, tools } = parsed.data;
  const messages: ConversationMessage[] = [];
  if (preamble) messages.push(message("system", [{ type: "text", text: preamble }]));
  messages.push(...(history ?? []).map(v1Turn));
  for (const input of [text, prompt])
    if (input) messages.push(message("user", [{ type: "text", text: input }]));
  return {
    messages,
    tools: (tools ?? []).map(v1Tool),
    params: omitKeys(payload, ["model", "message", "prompt", "preamble", "chat_history", "tools"]),
    model: model ?? null,
  };
}
