import { z } from "zod";
import type { ContentPart, ConversationMessage, Role } from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import { isRecord } from "./fast-read";
import { imagePart } from "./openai-messages";
import type { Conversation } from "./openai-request";
import { openaiTools } from "./openai-messages";

/**
 * A Responses request as a conversation: `instructions` (a system turn), `input` (a string, or a
 * list of items: messages, the model's earlier function calls and reasoning, tool outputs,
 * references) and `tools`.
 */

const inputSchema = z.union([z.string(), z.array(z.unknown())]).nullish();

const itemSchema = z.looseObject({
  type: z.string().nullish(),
  role: z.string().nullish(),
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
  call_id: z.string().nullish(),
  name: z.string().nullish(),
  /** A JSON string for function calls; an object in some server-side items (`tool_search_call`). */
  arguments: z.unknown().optional(),
  input: z.string().nullish(),
  output: z.unknown().optional(),
  summary: z.array(z.looseObject({ text: z.string() })).nullish(),
});
type Item = z.infer<typeof itemSchema>;

function message(
  role: Role,
  parts: ContentPart[],
  extra: Partial<ConversationMessage> = {},
): ConversationMessage {
  return { role, parts, name: null, toolCallId: null, toolCalls: [], ...extra };
}

/** One content part: `input_text`/`output_text`, `input_image` (URL or file), anything else kept. */
function inputPart(value: unknown): ContentPart {
  if (typeof value === "string") return { type: "text", text: value };
  if (!isRecord(value)) return { type: "other", label: "part", value };
  const type = typeof value.type === "string" ? value.type : "part";
  if (
    (type === "input_text" || type === "output_text" || type === "text") &&
    typeof value.text === "string"
  ) {
    return { type: "text", text: value.text };
  }
  if (type === "input_image" && typeof value.image_url === "string") return imagePart(value.image_url);
  return { type: "other", label: type, value };
}

function contentParts(content: Item["content"]): ContentPart[] {
  if (content === null || content === undefined || content === "") return [];
  if (typeof content === "string") return [{ type: "text", text: content }];
  return content.map(inputPart);
}

/** A tool output: text, or a list of parts (text, images, files). */
function outputParts(output: unknown): ContentPart[] {
  if (output === undefined || output === null || output === "") return [];
  if (typeof output === "string") return [{ type: "text", text: output }];
  if (Array.isArray(output)) return output.map(inputPart);
  return [{ type: "other", label: "output", value: output }];
}

function argumentsText(value: unknown): string {
  if (typeof value === "string") return value;
  return value === undefined || value === null ? "" : JSON.stringify(value);
}

/** One input item as a turn. */
function itemMessage(raw: unknown, path: string): ConversationMessage {
  const item = parseAt(itemSchema, raw, path);
  const type = item.type ?? "message";
  if (type === "message") return message(item.role ?? "user", contentParts(item.content));
  if (type === "function_call" || type === "custom_tool_call") {
    const args = type === "function_call" ? argumentsText(item.arguments) : (item.input ?? "");
    return message("assistant", [], {
      toolCalls: [{ id: item.call_id ?? null, name: item.name ?? null, arguments: args }],
    });
  }
  if (type === "function_call_output" || type === "custom_tool_call_output") {
    return message("tool", outputParts(item.output), { toolCallId: item.call_id ?? null });
  }
  if (type === "reasoning") {
    const summary = (item.summary ?? []).map((part) => part.text).join("\n\n");
    return message("assistant", [
      { type: "other", label: "reasoning", value: summary === "" ? raw : summary },
    ]);
  }
  // Server-side tool calls and their results, item references: kept as recorded.
  const role =
    item.role ?? (type.endsWith("_output") ? "tool" : type === "item_reference" ? "user" : "assistant");
  return message(role, [{ type: "other", label: type, value: raw }]);
}

/** Reads the request body found at `path` (`request.payload`). */
export function responsesConversation(body: Record<string, unknown>, path: string): Conversation {
  const messages: ConversationMessage[] = [];
  const { instructions } = body;
  if (typeof instructions === "string" && instructions !== "") {
    messages.push(message("system", [{ type: "text", text: instructions }]));
  } else if (Array.isArray(instructions)) {
    instructions.forEach((item, i) => messages.push(itemMessage(item, `${path}.instructions[${i}]`)));
  }
  const input = parseAt(inputSchema, body.input, `${path}.input`);
  if (typeof input === "string") messages.push(message("user", [{ type: "text", text: input }]));
  else if (input) input.forEach((item, i) => messages.push(itemMessage(item, `${path}.input[${i}]`)));
  const tools =
    body.tools === undefined || body.tools === null ? [] : openaiTools(body.tools, `${path}.tools`);
  return { messages, tools };
}

/** Body keys the conversation holds (left out of the other parameters). */
export const RESPONSES_CONVERSATION_KEYS = ["input", "instructions", "tools"] as const;
