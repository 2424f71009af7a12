import type { z } from "zod";
import type {
  ContentPart,
  ConversationMessage,
  RequestInfo,
  ToolCall,
  ToolDefinition,
} from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import {
  geminiContentSchema,
  geminiPartSchema,
  geminiRequestBodySchema,
  geminiToolSchema,
  type GeminiFunctionCall,
  type GeminiPart,
} from "./gemini-schemas";
import { omitKeys } from "./request-info";

/** Gemini calls the assistant `model`; the neutral model calls it `assistant`. */
export function geminiRole(role: string | null | undefined, fallback: string): string {
  if (!role) return fallback;
  return role === "model" ? "assistant" : role;
}

/** A function call's arguments as JSON text (Gemini sends them as an object). */
export function geminiArguments(call: GeminiFunctionCall): string {
  return JSON.stringify(call.args ?? {});
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first key of a part that carries a value (its kind: `executable_code`, `video_metadata`, ...). */
function partLabel(part: Record<string, unknown>): string {
  for (const [key, value] of Object.entries(part)) if (value !== null && value !== undefined) return key;
  return "part";
}

function mediaPart(label: string, mediaType: string | null, url: string | null, value: unknown): ContentPart {
  if (url !== null && mediaType?.startsWith("image/")) return { type: "image", url, mediaType };
  return { type: "other", label, value };
}

interface MessageBuilder {
  parts: ContentPart[];
  toolCalls: ToolCall[];
  name: string | null;
  toolCallId: string | null;
}

function addPart(message: MessageBuilder, part: GeminiPart): void {
  const call = part.function_call ?? part.functionCall;
  const result = part.function_response ?? part.functionResponse;
  const blob = part.inline_data ?? part.inlineData;
  const file = part.file_data ?? part.fileData;
  if (typeof part.text === "string") {
    message.parts.push(
      part.thought
        ? { type: "other", label: "thought", value: part.text }
        : { type: "text", text: part.text },
    );
  } else if (call) {
    message.toolCalls.push({
      id: call.id ?? null,
      name: call.name ?? null,
      arguments: geminiArguments(call),
    });
  } else if (result) {
    message.name ??= result.name ?? null;
    message.toolCallId ??= result.id ?? null;
    message.parts.push({ type: "other", label: "function_response", value: result });
  } else if (blob) {
    const mediaType = blob.mime_type ?? blob.mimeType ?? null;
    const url =
      typeof blob.data === "string"
        ? `data:${mediaType ?? "application/octet-stream"};base64,${blob.data}`
        : null;
    message.parts.push(mediaPart("inline_data", mediaType, url, blob));
  } else if (file) {
    const mediaType = file.mime_type ?? file.mimeType ?? null;
    message.parts.push(mediaPart("file_data", mediaType, file.file_uri ?? file.fileUri ?? null, file));
  } else {
    message.parts.push({ type: "other", label: partLabel(part), value: part });
  }
}

function toMessage(role: string, parts: readonly GeminiPart[]): ConversationMessage {
  const builder: MessageBuilder = { parts: [], toolCalls: [], name: null, toolCallId: null };
  for (const part of parts) addPart(builder, part);
  return {
    role,
    parts: builder.parts,
    name: builder.name,
    toolCallId: builder.toolCallId,
    toolCalls: builder.toolCalls,
  };
}

/** A `Content`, a bare part, or a string: the SDK accepts all three where it takes contents. */
function contentMessage(item: unknown, role: string, path: string): ConversationMessage {
  if (typeof item === "string") return toMessage(role, [{ text: item }]);
  if (isObject(item) && ("parts" in item || "role" in item)) {
    const content: z.infer<typeof geminiContentSchema> = parseAt(geminiContentSchema, item, path);
    return toMessage(geminiRole(content.role, role), content.parts ?? []);
  }
  return toMessage(role, [parseAt(geminiPartSchema, item, path)]);
}

function contentsMessages(contents: unknown, path: string): ConversationMessage[] {
  if (contents === undefined || contents === null) return [];
  if (!Array.isArray(contents)) return [contentMessage(contents, "user", path)];
  return contents.map((item, i) => contentMessage(item, "user", `${path}[${i}]`));
}

function systemMessage(instruction: unknown, path: string): ConversationMessage[] {
  if (instruction === undefined || instruction === null) return [];
  // A system instruction is a `Content`, whose role REST clients often set to "user": it is still the system's.
  if (!Array.isArray(instruction))
    return [{ ...contentMessage(instruction, "system", path), role: "system" }];
  const parts = instruction.map((item, i) =>
    typeof item === "string" ? { text: item } : parseAt(geminiPartSchema, item, `${path}[${i}]`),
  );
  return [toMessage("system", parts)];
}

function toolDefinitions(tools: readonly z.infer<typeof geminiToolSchema>[]): ToolDefinition[] {
  const out: ToolDefinition[] = [];
  for (const tool of tools) {
    for (const declaration of tool.function_declarations ?? tool.functionDeclarations ?? []) {
      out.push({
        name: declaration.name,
        description: declaration.description ?? null,
        parameters:
          declaration.parameters_json_schema ??
          declaration.parametersJsonSchema ??
          declaration.parameters ??
          null,
      });
    }
    // Built-in tools (google_search, code_execution, retrieval, ...) are named by their key.
    for (const [key, value] of Object.entries(tool)) {
      if (key === "function_declarations" || key === "functionDeclarations") continue;
      if (value !== null && value !== undefined)
        out.push({ name: key, description: null, parameters: value });
    }
  }
  return out;
}

/** Conversation, tools and parameters of a `generate_content` request body found at `path`. */
export function geminiRequestContent(
  body: unknown,
  path: string,
): Pick<RequestInfo, "messages" | "tools" | "params"> & { model: string | null } {
  const parsed = parseAt(geminiRequestBodySchema, body ?? {}, path);
  const config = parsed.config ?? {};
  const instructions: [unknown, string][] = [
    [config.system_instruction, `${path}.config.system_instruction`],
    [config.systemInstruction, `${path}.config.systemInstruction`],
    [parsed.system_instruction, `${path}.system_instruction`],
    [parsed.systemInstruction, `${path}.systemInstruction`],
  ];
  const [instruction, instructionPath] = instructions.find(
    ([value]) => value !== undefined && value !== null,
  ) ?? [null, path];
  const messages = [
    ...systemMessage(instruction, instructionPath),
    ...contentsMessages(parsed.contents, `${path}.contents`),
  ];
  const tools = toolDefinitions([...(config.tools ?? []), ...(parsed.tools ?? [])]);
  const params = omitKeys(body, [
    "model",
    "contents",
    "config",
    "system_instruction",
    "systemInstruction",
    "tools",
  ]);
  for (const [key, value] of Object.entries(
    omitKeys(config, ["system_instruction", "systemInstruction", "tools"]),
  )) {
    params[key] = value;
  }
  return { messages, tools, params, model: parsed.model ?? null };
}
