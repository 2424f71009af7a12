import type { z } from "zod";
import type {
  CallKind,
  ContentPart,
  ConversationMessage,
  RequestInfo,
  ToolCall,
  ToolDefinition,
} from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import { ollamaImagePart } from "./ollama-images";
import {
  ollamaAnyRequestSchema,
  ollamaChatMessageSchema,
  ollamaChatRequestSchema,
  ollamaEmbedRequestSchema,
  ollamaGenerateRequestSchema,
  ollamaToolDefinitionSchema,
  type OllamaInferenceRequest,
  type OllamaToolCall,
} from "./ollama-schemas";
import { omitKeys, requestBasics } from "./request-info";

function message(role: string, parts: ContentPart[], toolCalls: ToolCall[] = []): ConversationMessage {
  return { role, parts, name: null, toolCallId: null, toolCalls };
}

/** Ollama tool-call arguments are an object; they are kept as their JSON text. */
export function ollamaArguments(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value ?? {});
}

export function ollamaToolCall(call: OllamaToolCall): ToolCall {
  return {
    id: call.id ?? null,
    name: call.function.name ?? null,
    arguments: ollamaArguments(call.function.arguments),
  };
}

function chatMessage(raw: z.infer<typeof ollamaChatMessageSchema>): ConversationMessage {
  const parts: ContentPart[] = [];
  if (raw.thinking) parts.push({ type: "other", label: "thinking", value: raw.thinking });
  if (typeof raw.content === "string") {
    if (raw.content !== "") parts.push({ type: "text", text: raw.content });
  } else if (raw.content !== undefined && raw.content !== null) {
    parts.push({ type: "other", label: "content", value: raw.content });
  }
  for (const image of raw.images ?? []) parts.push(ollamaImagePart(image));
  return {
    role: raw.role,
    parts,
    name: raw.tool_name ?? raw.name ?? null,
    toolCallId: raw.tool_call_id ?? null,
    toolCalls: (raw.tool_calls ?? []).map(ollamaToolCall),
  };
}

function toolDefinition(raw: z.infer<typeof ollamaToolDefinitionSchema>): ToolDefinition {
  return {
    name: raw.function?.name ?? raw.type ?? "(unnamed)",
    description: raw.function?.description ?? null,
    parameters: raw.function?.parameters ?? null,
  };
}

/** The embedding inputs as one user message, one part per input. */
function embeddingInputs(input: unknown, prompt: string | null | undefined): ConversationMessage[] {
  const inputs: unknown[] = Array.isArray(input)
    ? [...input]
    : input === undefined || input === null
      ? []
      : [input];
  if (typeof prompt === "string") inputs.push(prompt);
  if (inputs.length === 0) return [];
  const parts = inputs.map((entry): ContentPart =>
    typeof entry === "string"
      ? { type: "text", text: entry }
      : { type: "other", label: "input", value: entry },
  );
  return [message("user", parts)];
}

/**
 * The request of an Ollama native call, read according to what the call was. `bodyPath` names the
 * body in the file: `request.body` (llama-stack), `request.payload` (HTTP cassettes).
 */
export function ollamaRequestInfo(
  kind: CallKind,
  request: OllamaInferenceRequest,
  bodyPath = "request.body",
): { info: RequestInfo; model: string | null } {
  const body = request.body ?? {};
  const basics = requestBasics(request.method, request.url, request.endpoint);
  let messages: ConversationMessage[] = [];
  let tools: ToolDefinition[] = [];
  let params: Record<string, unknown>;
  let model: string | null | undefined;

  if (kind === "completion") {
    const parsed = parseAt(ollamaGenerateRequestSchema, body, bodyPath);
    model = parsed.model;
    if (parsed.system) messages.push(message("system", [{ type: "text", text: parsed.system }]));
    const parts: ContentPart[] = [];
    if (parsed.prompt) parts.push({ type: "text", text: parsed.prompt });
    for (const image of parsed.images ?? []) parts.push(ollamaImagePart(image));
    if (parts.length > 0) messages.push(message("user", parts));
    params = omitKeys(body, ["model", "prompt", "system", "images"]);
  } else if (kind === "chat") {
    const parsed = parseAt(ollamaChatRequestSchema, body, bodyPath);
    model = parsed.model;
    messages = (parsed.messages ?? []).map(chatMessage);
    tools = (parsed.tools ?? []).map(toolDefinition);
    params = omitKeys(body, ["model", "messages", "tools"]);
  } else if (kind === "embeddings") {
    const parsed = parseAt(ollamaEmbedRequestSchema, body, bodyPath);
    model = parsed.model;
    messages = embeddingInputs(parsed.input, parsed.prompt);
    params = omitKeys(body, ["model", "input", "prompt"]);
  } else {
    model = parseAt(ollamaAnyRequestSchema, body, bodyPath).model;
    params = omitKeys(body, ["model"]);
  }

  return {
    // Fields spelled out: an object spread here costs more than the rest of the request.
    info: {
      method: basics.method,
      url: basics.url,
      endpoint: basics.endpoint,
      host: basics.host,
      messages,
      tools,
      params,
      body: request.body,
    },
    model: model || request.model || null,
  };
}
