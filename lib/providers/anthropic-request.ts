import { z } from "zod";
import type { ContentPart, ConversationMessage, ToolCall, ToolDefinition } from "@/lib/model/exchange";
import { omitKeys } from "./request-info";

/**
 * The request payload of the Anthropic messages API (`system`, `messages` with content strings or
 * blocks, `tools`), turned into the model's conversation. Tolerant: a block it does not know is
 * kept as an `other` part, a message it cannot read as one with no parts.
 */

const blockSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  thinking: z.string().optional(),
  id: z.string().optional(),
  name: z.string().optional(),
  input: z.unknown().optional(),
  tool_use_id: z.string().optional(),
  content: z.unknown().optional(),
  is_error: z.boolean().optional(),
  source: z
    .looseObject({
      type: z.string().optional(),
      media_type: z.string().optional(),
      data: z.string().optional(),
      url: z.string().optional(),
    })
    .optional(),
});
type Block = z.infer<typeof blockSchema>;

const messageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
});

const toolSchema = z.looseObject({
  name: z.string(),
  description: z.string().nullish(),
  input_schema: z.unknown().optional(),
});

const payloadSchema = z.looseObject({});

/** The keys the conversation is read from; every other payload key is a parameter. */
export const ANTHROPIC_CONVERSATION_KEYS = ["model", "system", "messages", "tools"] as const;

/** A tool_use block's input as the JSON arguments string. */
export function inputArguments(input: unknown): string {
  return input === undefined || input === null ? "" : JSON.stringify(input);
}

function imageFrom(block: Block, raw: unknown): ContentPart {
  const source = block.source;
  if (source?.type === "base64" && source.data !== undefined) {
    const mediaType = source.media_type ?? null;
    return {
      type: "image",
      url: `data:${mediaType ?? "application/octet-stream"};base64,${source.data}`,
      mediaType,
    };
  }
  if (source?.type === "url" && source.url !== undefined)
    return { type: "image", url: source.url, mediaType: null };
  return { type: "other", label: "image", value: raw };
}

/** A content block as a part (text, image, other). Tool calls and results are handled by the caller. */
function partFrom(raw: unknown): ContentPart {
  if (typeof raw === "string") return { type: "text", text: raw };
  const parsed = blockSchema.safeParse(raw);
  if (!parsed.success) return { type: "other", label: "block", value: raw };
  const block = parsed.data;
  if (block.type === "text" && block.text !== undefined) return { type: "text", text: block.text };
  if (block.type === "image") return imageFrom(block, raw);
  if (block.type === "thinking" && block.thinking !== undefined) {
    return { type: "other", label: "thinking", value: block.thinking };
  }
  return { type: "other", label: block.type, value: raw };
}

/** Content given as a string or blocks (also the content of a tool_result). */
export function anthropicParts(content: unknown): ContentPart[] {
  if (content === undefined || content === null || content === "") return [];
  if (Array.isArray(content)) return content.map(partFrom);
  return [partFrom(content)];
}

function message(role: string, parts: ContentPart[], toolCalls: ToolCall[] = []): ConversationMessage {
  return { role, parts, name: null, toolCallId: null, toolCalls };
}

/**
 * One request message. Tool results become `tool` messages of their own (in place, answering
 * `tool_use_id`); tool_use blocks become the message's tool calls.
 */
function messagesFrom(raw: unknown): ConversationMessage[] {
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) return [message("unknown", [{ type: "other", label: "message", value: raw }])];
  const { role, content } = parsed.data;
  if (!Array.isArray(content)) return [message(role, anthropicParts(content))];
  const out: ConversationMessage[] = [];
  let current = message(role, []);
  for (const entry of content) {
    const block = blockSchema.safeParse(entry);
    if (block.success && block.data.type === "tool_use") {
      current.toolCalls.push({
        id: block.data.id ?? null,
        name: block.data.name ?? null,
        arguments: inputArguments(block.data.input),
      });
    } else if (block.success && block.data.type === "tool_result") {
      if (current.parts.length > 0 || current.toolCalls.length > 0) out.push(current);
      current = message(role, []);
      const parts = anthropicParts(block.data.content);
      if (block.data.is_error) parts.unshift({ type: "other", label: "is_error", value: true });
      out.push({
        role: "tool",
        parts,
        name: null,
        toolCallId: block.data.tool_use_id ?? null,
        toolCalls: [],
      });
    } else {
      current.parts.push(partFrom(entry));
    }
  }
  if (current.parts.length > 0 || current.toolCalls.length > 0 || out.length === 0) out.push(current);
  return out;
}

function toolFrom(raw: unknown): ToolDefinition {
  const parsed = toolSchema.safeParse(raw);
  if (!parsed.success) return { name: "tool", description: null, parameters: raw };
  const tool = parsed.data;
  // Server tools (web search, bash, ...) have a `type` and no input schema: keep them as recorded.
  return {
    name: tool.name,
    description: tool.description ?? null,
    parameters: tool.input_schema ?? omitKeys(raw, ["name", "description"]),
  };
}

export interface AnthropicConversation {
  messages: ConversationMessage[];
  tools: ToolDefinition[];
  params: Record<string, unknown>;
}

/** Reads an Anthropic messages payload (any value; a non-object gives an empty conversation). */
export function anthropicConversation(payload: unknown): AnthropicConversation {
  const body = payloadSchema.safeParse(payload);
  if (!body.success) return { messages: [], tools: [], params: {} };
  const { system, messages, tools } = body.data;
  const out: ConversationMessage[] = [];
  const systemParts = anthropicParts(system);
  if (systemParts.length > 0) out.push(message("system", systemParts));
  if (Array.isArray(messages)) for (const entry of messages) out.push(...messagesFrom(entry));
  return {
    messages: out,
    tools: Array.isArray(tools) ? tools.map(toolFrom) : [],
    params: omitKeys(payload, ANTHROPIC_CONVERSATION_KEYS),
  };
}
