import { z } from "zod";
import type { ContentPart, ConversationMessage, ToolCall, ToolDefinition } from "@/lib/model/exchange";
import { isRecord, MISFIT, optList, optRecord, optString, readWith, record } from "./fast-read";

/**
 * OpenAI-format conversations (`messages`, `tools`) as the chat completions API takes them, turned
 * into the model's `ConversationMessage[]` / `ToolDefinition[]`. Tolerant of the Ollama flavour too
 * (`images` on a message, tool-call arguments given as an object, `tool_name` on tool results).
 *
 * Messages are read for every chat recording, so they are read by hand (`readMessages`); the zod
 * `messagesSchema` states the same shape and names the JSON path when a message does not fit.
 */

const toolCallSchema = z.looseObject({
  id: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.unknown().optional() }).nullish(),
});

export const messagesSchema = z.array(
  z.looseObject({
    role: z.string(),
    content: z.union([z.string(), z.array(z.unknown())]).nullish(),
    name: z.string().nullish(),
    tool_name: z.string().nullish(),
    tool_call_id: z.string().nullish(),
    tool_calls: z.array(toolCallSchema).nullish(),
    reasoning: z.string().nullish(),
    reasoning_content: z.string().nullish(),
    thinking: z.string().nullish(),
    images: z.array(z.unknown()).nullish(),
  }),
);

const toolSchema = z.looseObject({
  type: z.string().optional(),
  name: z.string().optional(),
  description: z.string().nullish(),
  parameters: z.unknown().optional(),
  function: z
    .looseObject({ name: z.string(), description: z.string().nullish(), parameters: z.unknown().optional() })
    .optional(),
});

const toolListSchema = z.array(z.unknown());

/** The media type of a `data:` URL (`data:image/png;base64,...` → `image/png`), else null. */
export function dataUrlMediaType(url: string): string | null {
  if (!url.startsWith("data:")) return null;
  const end = url.search(/[;,]/);
  const type = end === -1 ? "" : url.slice(5, end);
  return type === "" ? null : type;
}

/** An image part from an http(s) URL, a data URL or bare base64. */
export function imagePart(url: string): ContentPart {
  return { type: "image", url, mediaType: dataUrlMediaType(url) };
}

/** One content part (`text`, `image_url`, `input_audio`, `file`, ...); other parts are kept as recorded. */
export function openaiContentPart(value: unknown): ContentPart {
  if (typeof value === "string") return { type: "text", text: value };
  if (!isRecord(value)) return { type: "other", label: "part", value };
  const type = typeof value.type === "string" ? value.type : "part";
  if ((type === "text" || type === "input_text") && typeof value.text === "string") {
    return { type: "text", text: value.text };
  }
  if (type === "image_url") {
    const image = value.image_url;
    if (typeof image === "string") return imagePart(image);
    if (isRecord(image) && typeof image.url === "string") return imagePart(image.url);
  }
  return { type: "other", label: type, value };
}

/** Message content: a string (one text part, none when empty), null, or a list of parts. */
export function openaiContentParts(content: string | readonly unknown[] | null | undefined): ContentPart[] {
  if (content === null || content === undefined || content === "") return [];
  if (typeof content === "string") return [{ type: "text", text: content }];
  return content.map(openaiContentPart);
}

/** Tool-call arguments as a JSON string (Ollama gives an object). */
function argumentsText(value: unknown): string {
  if (typeof value === "string") return value;
  return value === undefined || value === null ? "" : JSON.stringify(value);
}

function readToolCall(value: unknown): ToolCall {
  const call = record(value);
  const fn = optRecord(call.function);
  return {
    id: optString(call.id),
    name: fn ? optString(fn.name) : null,
    arguments: argumentsText(fn?.arguments),
  };
}

function readContent(value: unknown): string | unknown[] | null {
  if (value === undefined || value === null || typeof value === "string") return value ?? null;
  if (Array.isArray(value)) return value;
  throw MISFIT;
}

function readMessage(value: unknown): ConversationMessage {
  const message = record(value);
  const role = message.role;
  if (typeof role !== "string") throw MISFIT;
  const content = readContent(message.content);
  const name = optString(message.name);
  const toolName = optString(message.tool_name);
  const toolCallId = optString(message.tool_call_id);
  const toolCalls = (optList(message.tool_calls) ?? []).map(readToolCall);
  const reasoning = [message.reasoning, message.reasoning_content, message.thinking].map(optString);
  const images = optList(message.images) ?? [];

  const parts: ContentPart[] = [];
  const thought = reasoning.find((text) => text);
  if (thought) parts.push({ type: "other", label: "reasoning", value: thought });
  parts.push(...openaiContentParts(content));
  for (const image of images) {
    parts.push(
      typeof image === "string" ? imagePart(image) : { type: "other", label: "image", value: image },
    );
  }
  return { role, parts, name: name ?? toolName, toolCallId, toolCalls };
}

function readMessages(value: unknown): ConversationMessage[] {
  if (!Array.isArray(value)) throw MISFIT;
  return value.map(readMessage);
}

/**
 * Converts a request's `messages` (found at `path` in the file, e.g. `request.body.messages`).
 * Throws `SchemaMismatch` when it is not a list of objects with a `role`.
 */
export function openaiMessages(value: unknown, path: string): ConversationMessage[] {
  return readWith(readMessages, messagesSchema, value, path);
}

/**
 * Reads one tool definition by hand, as tolerantly as `toolSchema` (a chat request can list dozens
 * of tools, and zod showed in CPU profiles of indexing): function tools by their function, other
 * tools by their type.
 */
function readTool(entry: unknown): ToolDefinition {
  const tool = record(entry);
  const { type, name, parameters, function: fn } = tool;
  if (type !== undefined && typeof type !== "string") throw MISFIT;
  if (name !== undefined && typeof name !== "string") throw MISFIT;
  const description = optString(tool.description);
  if (fn !== undefined) {
    const {
      name: functionName,
      description: functionDescription,
      parameters: functionParameters,
    } = record(fn);
    if (typeof functionName !== "string") throw MISFIT;
    return {
      name: functionName,
      description: optString(functionDescription),
      parameters: functionParameters ?? null,
    };
  }
  if (name !== undefined) return { name, description, parameters: parameters ?? null };
  return { name: type ?? "tool", description: null, parameters: entry };
}

function readToolList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw MISFIT;
}

/** Converts a request's `tools` (found at `path`, e.g. `request.body.tools`). */
export function openaiTools(value: unknown, path: string): ToolDefinition[] {
  const raw = readWith(readToolList, toolListSchema, value, path);
  return raw.map((entry, i) => readWith(readTool, toolSchema, entry, `${path}[${i}]`));
}
