import { assembledToolCall } from "@/lib/model/assembler";
import type {
  AssembledToolCall,
  ContentPart,
  ConversationMessage,
  ResponseInfo,
  ToolCall,
  ToolDefinition,
} from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import { isRecord } from "./fast-read";
import { inputArguments } from "./anthropic-request";
import { bedrockUsage } from "./bedrock-call";
import {
  citationsBlockSchema,
  converseMessageSchema,
  converseResponseSchema,
  imageBlockSchema,
  reasoningBlockSchema,
  systemToolSchema,
  textBlockSchema,
  toolConfigSchema,
  toolResultBlockSchema,
  toolSpecSchema,
  toolUseBlockSchema,
} from "./bedrock-schemas";
import { omitKeys } from "./request-info";

/**
 * The Bedrock Converse API (`POST /model/{id}/converse`), whose message shape Amazon Nova's
 * InvokeModel body shares: content blocks are objects with one key naming their kind (`text`,
 * `image`, `document`, `toolUse`, `toolResult`, `reasoningContent`, ...). Request reading is
 * tolerant (an unknown block is kept as an `other` part); the response is checked.
 */

/** The block's kind: its first key (`{text: ...}` → `text`). */
function blockKind(block: Record<string, unknown>): string {
  for (const key of Object.keys(block)) return key;
  return "empty";
}

function imagePart(value: unknown, raw: unknown): ContentPart {
  const parsed = imageBlockSchema.safeParse(value);
  if (!parsed.success) return { type: "other", label: "image", value: raw };
  const { format, source } = parsed.data;
  const mediaType = format ? `image/${format}` : null;
  if (source?.bytes !== undefined) {
    return {
      type: "image",
      url: `data:${mediaType ?? "application/octet-stream"};base64,${source.bytes}`,
      mediaType,
    };
  }
  if (source?.s3Location) return { type: "image", url: source.s3Location.uri, mediaType };
  return { type: "other", label: "image", value: raw };
}

/** The texts of a `citationsContent` block (an answer with citations). */
function citedText(value: unknown): string | null {
  const parsed = citationsBlockSchema.safeParse(value);
  if (!parsed.success || !parsed.data.content) return null;
  return parsed.data.content.map((part) => part.text ?? "").join("");
}

/** A content block as a part. Tool calls and results are handled by the caller. */
function partFrom(raw: unknown): ContentPart {
  if (!isRecord(raw)) return { type: "other", label: "block", value: raw };
  const kind = blockKind(raw);
  const value = raw[kind];
  if (kind === "text" && typeof value === "string") return { type: "text", text: value };
  if (kind === "image") return imagePart(value, raw);
  if (kind === "reasoningContent") {
    const parsed = reasoningBlockSchema.safeParse(value);
    const text = parsed.success ? parsed.data.reasoningText?.text : undefined;
    if (text !== undefined) return { type: "other", label: "reasoning", value: text };
  }
  if (kind === "citationsContent") {
    const text = citedText(value);
    if (text !== null) return { type: "text", text };
  }
  if (kind === "json") return { type: "other", label: "json", value };
  return { type: "other", label: kind, value: raw };
}

function message(role: string, parts: ContentPart[], toolCalls: ToolCall[] = []): ConversationMessage {
  return { role, parts, name: null, toolCallId: null, toolCalls };
}

/**
 * One Converse message. `toolResult` blocks become `tool` messages of their own (in place,
 * answering `toolUseId`); `toolUse` blocks become the message's tool calls.
 */
function messagesFrom(raw: unknown): ConversationMessage[] {
  const parsed = converseMessageSchema.safeParse(raw);
  if (!parsed.success) return [message("unknown", [{ type: "other", label: "message", value: raw }])];
  const { role, content } = parsed.data;
  const out: ConversationMessage[] = [];
  let current = message(role, []);
  for (const entry of content ?? []) {
    const kind = isRecord(entry) ? blockKind(entry) : null;
    const toolUse =
      kind === "toolUse" && isRecord(entry) ? toolUseBlockSchema.safeParse(entry.toolUse) : null;
    const toolResult =
      kind === "toolResult" && isRecord(entry) ? toolResultBlockSchema.safeParse(entry.toolResult) : null;
    if (toolUse?.success) {
      current.toolCalls.push({
        id: toolUse.data.toolUseId ?? null,
        name: toolUse.data.name ?? null,
        arguments: inputArguments(toolUse.data.input),
      });
    } else if (toolResult?.success) {
      if (current.parts.length > 0 || current.toolCalls.length > 0) out.push(current);
      current = message(role, []);
      const parts = (toolResult.data.content ?? []).map(partFrom);
      const status = toolResult.data.status;
      if (status && status !== "success") parts.unshift({ type: "other", label: "status", value: status });
      out.push({
        role: "tool",
        parts,
        name: null,
        toolCallId: toolResult.data.toolUseId ?? null,
        toolCalls: [],
      });
    } else {
      current.parts.push(partFrom(entry));
    }
  }
  if (current.parts.length > 0 || current.toolCalls.length > 0 || out.length === 0) out.push(current);
  return out;
}

function toolFrom(raw: unknown): ToolDefinition | null {
  if (!isRecord(raw)) return { name: "tool", description: null, parameters: raw };
  if ("cachePoint" in raw) return null;
  const spec = toolSpecSchema.safeParse(raw.toolSpec);
  if (spec.success) {
    return {
      name: spec.data.name,
      description: spec.data.description ?? null,
      parameters: spec.data.inputSchema?.json ?? null,
    };
  }
  // Tools Bedrock runs itself (`systemTool: {name: "nova_grounding"}`): kept as recorded.
  const system = systemToolSchema.safeParse(raw.systemTool);
  if (system.success) return { name: system.data.name, description: null, parameters: raw };
  return { name: blockKind(raw), description: null, parameters: raw };
}

export interface ConverseConversation {
  messages: ConversationMessage[];
  tools: ToolDefinition[];
  params: Record<string, unknown>;
}

/**
 * Reads a Converse request (or a Nova InvokeModel body): `system` blocks, `messages`, the tools of
 * `toolConfig`. Every other key (inferenceConfig, toolConfig's toolChoice, additionalModelRequestFields,
 * ...) is a parameter. A body that is not an object gives an empty conversation.
 */
export function converseConversation(payload: unknown): ConverseConversation {
  if (!isRecord(payload)) return { messages: [], tools: [], params: {} };
  const { system, messages, toolConfig } = payload;
  const out: ConversationMessage[] = [];
  if (Array.isArray(system)) {
    const parts = system.map(partFrom);
    if (parts.length > 0) out.push(message("system", parts));
  } else if (typeof system === "string" && system !== "") {
    out.push(message("system", [{ type: "text", text: system }]));
  }
  if (Array.isArray(messages)) for (const entry of messages) out.push(...messagesFrom(entry));
  const config = toolConfigSchema.safeParse(toolConfig);
  const tools = config.success ? (config.data.tools ?? []).flatMap((raw) => toolFrom(raw) ?? []) : [];
  const params = omitKeys(payload, ["messages", "system", "toolConfig"]);
  if (isRecord(toolConfig)) {
    const rest = omitKeys(toolConfig, ["tools"]);
    if (Object.keys(rest).length > 0) params.toolConfig = rest;
  }
  return { messages: out, tools, params };
}

/**
 * A Converse (or Nova InvokeModel) response body `{output: {message}, stopReason, usage}` as one
 * message. Blocks that are neither text, reasoning nor tool calls are named in `notes`.
 */
export function converseResponse(body: unknown, path: string, notes: string[]): ResponseInfo {
  const parsed = parseAt(converseResponseSchema, body, path);
  const { message: reply } = parsed.output;
  let content = "";
  let reasoning = "";
  const toolCalls: AssembledToolCall[] = [];
  let citations = 0;
  reply.content.forEach((block, i) => {
    const at = `${path}.output.message.content[${i}]`;
    const kind = blockKind(block);
    const value = block[kind];
    if (kind === "text") content += parseAt(textBlockSchema, block, at).text;
    else if (kind === "reasoningContent") {
      const parsedReasoning = parseAt(reasoningBlockSchema, value, `${at}.reasoningContent`);
      if (parsedReasoning.reasoningText) reasoning += parsedReasoning.reasoningText.text;
      else notes.push(`content block ${i} is redacted reasoning (kept encrypted)`);
    } else if (kind === "toolUse") {
      const tool = parseAt(toolUseBlockSchema, value, `${at}.toolUse`);
      const args = inputArguments(tool.input);
      toolCalls.push(
        assembledToolCall(
          toolCalls.length,
          tool.toolUseId ?? null,
          tool.name ?? null,
          args === "" ? [] : [args],
        ),
      );
    } else if (kind === "citationsContent") {
      const text = citedText(value);
      if (text === null) citations += 1;
      else content += text;
    } else notes.push(`content block ${i} (${kind}) is not part of the text, reasoning or tool calls`);
  });
  if (citations > 0) {
    notes.push(
      citations === 1
        ? "1 citationsContent block names sources and adds no text"
        : `${citations} citationsContent blocks name sources and add no text`,
    );
  }
  return {
    type: "message",
    streaming: false,
    chunks: [],
    choices: [
      {
        index: 0,
        role: reply.role ?? "assistant",
        content,
        reasoning,
        toolCalls,
        finishReason: parsed.stopReason ?? null,
      },
    ],
    usage: bedrockUsage(parsed.usage),
    model: null,
  };
}
