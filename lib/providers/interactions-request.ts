import { z } from "zod";
import type { ContentPart, ConversationMessage, ToolCall, ToolDefinition } from "@/lib/model/exchange";
import { imagePart } from "./openai-messages";
import { omitKeys } from "./request-info";

/**
 * The request payload of the Gemini interactions API (`POST /v1beta/interactions`): `input` is a
 * string, a list of content items, or a list of turns `{role, content}`; `system_instruction` and
 * `tools` sit beside it. Tolerant: anything it does not know is kept as an `other` part.
 */

const itemSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  data: z.string().optional(),
  uri: z.string().optional(),
  mime_type: z.string().optional(),
  id: z.string().optional(),
  call_id: z.string().optional(),
  name: z.string().optional(),
  arguments: z.unknown().optional(),
});

const turnSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
});

const functionSchema = z.looseObject({
  name: z.string(),
  description: z.string().nullish(),
  parameters: z.unknown().optional(),
});

const toolSchema = z.looseObject({
  type: z.string().optional(),
  function: z.unknown().optional(),
  function_declarations: z.array(z.unknown()).optional(),
});

const payloadSchema = z.looseObject({ system_instruction: z.unknown().optional() });

export const INTERACTIONS_CONVERSATION_KEYS = ["model", "input", "system_instruction", "tools"] as const;

function message(role: string, parts: ContentPart[] = []): ConversationMessage {
  return { role: role === "model" ? "assistant" : role, parts, name: null, toolCallId: null, toolCalls: [] };
}

/** Adds one content item to the turn being built (or, for a function result, as a tool message). */
function addItem(out: ConversationMessage[], current: ConversationMessage, raw: unknown): void {
  if (typeof raw === "string") {
    current.parts.push({ type: "text", text: raw });
    return;
  }
  const parsed = itemSchema.safeParse(raw);
  if (!parsed.success) {
    current.parts.push({ type: "other", label: "content", value: raw });
    return;
  }
  const item = parsed.data;
  if (item.type === "text" && item.text !== undefined) current.parts.push({ type: "text", text: item.text });
  else if (item.type === "image" && (item.uri !== undefined || item.data !== undefined)) {
    current.parts.push(
      item.uri !== undefined
        ? imagePart(item.uri)
        : imagePart(`data:${item.mime_type ?? "application/octet-stream"};base64,${item.data ?? ""}`),
    );
  } else if (item.type === "function_call") {
    const call: ToolCall = {
      id: item.id ?? null,
      name: item.name ?? null,
      arguments: item.arguments === undefined ? "" : JSON.stringify(item.arguments),
    };
    current.toolCalls.push(call);
  } else if (item.type === "function_result") {
    out.push({
      role: "tool",
      parts: [{ type: "other", label: "function_result", value: raw }],
      name: item.name ?? null,
      toolCallId: item.call_id ?? null,
      toolCalls: [],
    });
  } else current.parts.push({ type: "other", label: item.type, value: raw });
}

function turnsFrom(input: unknown): ConversationMessage[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) {
    const user = message("user");
    addItem([], user, input);
    return [user];
  }
  const out: ConversationMessage[] = [];
  // A list of turns (each with a role), or a list of content items forming one user turn.
  const user = message("user");
  for (const entry of input) {
    const turn = turnSchema.safeParse(entry);
    if (!turn.success) {
      addItem(out, user, entry);
      continue;
    }
    const current = message(turn.data.role);
    const results: ConversationMessage[] = [];
    const content = turn.data.content;
    if (Array.isArray(content)) for (const item of content) addItem(results, current, item);
    else if (typeof content === "string") current.parts.push({ type: "text", text: content });
    if (current.parts.length > 0 || current.toolCalls.length > 0 || results.length === 0) out.push(current);
    out.push(...results);
  }
  if (user.parts.length > 0 || user.toolCalls.length > 0) out.unshift(user);
  return out;
}

function functionFrom(raw: unknown): ToolDefinition | null {
  const parsed = functionSchema.safeParse(raw);
  if (!parsed.success) return null;
  return {
    name: parsed.data.name,
    description: parsed.data.description ?? null,
    parameters: parsed.data.parameters ?? null,
  };
}

/** Tools: `{type: "function", name, ...}`, and the shapes tests send by mistake (`function`, `function_declarations`). */
function toolsFrom(raw: unknown): ToolDefinition[] {
  if (!Array.isArray(raw)) return [];
  const out: ToolDefinition[] = [];
  for (const entry of raw) {
    const tool = toolSchema.safeParse(entry);
    const nested = tool.success
      ? (tool.data.function_declarations ?? (tool.data.function ? [tool.data.function] : null))
      : null;
    const functions = (nested ?? [entry]).map(functionFrom);
    if (functions.every((fn) => fn !== null)) out.push(...functions.filter((fn) => fn !== null));
    else
      out.push({
        name: (tool.success ? tool.data.type : undefined) ?? "tool",
        description: null,
        parameters: entry,
      });
  }
  return out;
}

export interface InteractionsConversation {
  messages: ConversationMessage[];
  tools: ToolDefinition[];
  params: Record<string, unknown>;
}

/** Reads an interactions payload (a non-object gives an empty conversation). */
export function interactionsConversation(payload: unknown): InteractionsConversation {
  const body = payloadSchema.safeParse(payload);
  if (!body.success) return { messages: [], tools: [], params: {} };
  const messages: ConversationMessage[] = [];
  const system = body.data.system_instruction;
  if (typeof system === "string" && system !== "")
    messages.push(message("system", [{ type: "text", text: system }]));
  else if (system !== undefined && system !== null)
    messages.push(message("system", [{ type: "other", label: "system_instruction", value: system }]));
  messages.push(...turnsFrom(body.data.input));
  return {
    messages,
    tools: toolsFrom(body.data.tools),
    params: omitKeys(payload, INTERACTIONS_CONVERSATION_KEYS),
  };
}
