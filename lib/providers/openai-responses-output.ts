import { assembledToolCall } from "@/lib/model/assembler";
import type { AssembledMessage, RecordedError, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt } from "./decoder";
import {
  messageItemSchema,
  outputItemSchema,
  reasoningItemSchema,
  responseObjectSchema,
  responseUsageSchema,
  toolCallItemSchema,
  type ResponseObject,
} from "./openai-responses-schemas";

/**
 * A Responses `response` object (a non-stream body, or the one a stream's `response.completed`
 * carries) as one assembled message: the text of every `output_text` part joined as the SDK's
 * `output_text` joins them, reasoning (summaries and raw reasoning text) kept apart, and the
 * model's calls (functions, custom tools, MCP) as tool calls. Server-side tool items (web search,
 * file search, code interpreter...) are named in a note.
 */

/** Between reasoning parts (summary parts and reasoning items), which the API sends apart. */
export const REASONING_SEPARATOR = "\n\n";

/** The item types that are calls the model made, read as tool calls. */
export const TOOL_CALL_TYPES: ReadonlySet<string> = new Set([
  "function_call",
  "custom_tool_call",
  "mcp_call",
]);

export interface DecodedResponse {
  choice: AssembledMessage;
  usage: Usage | null;
  model: string | null;
  status: string | null;
  /** The response's own `error` (a failed response). */
  error: RecordedError | null;
  /** Types of the server-side items, in order. */
  serverItems: string[];
  notes: string[];
}

/** Usage with the Responses name of reasoning tokens (`output_tokens_details.reasoning_tokens`). */
export function responsesUsage(raw: unknown): Usage | null {
  const usage = usageFrom(raw);
  if (!usage) return null;
  const parsed = responseUsageSchema.safeParse(raw);
  const reasoning = parsed.success ? parsed.data.output_tokens_details?.reasoning_tokens : null;
  return typeof reasoning === "number" ? { ...usage, reasoningTokens: reasoning } : usage;
}

/** Why the response ended: the `incomplete_details` reason (`max_output_tokens`), else the status. */
export function finishReason(response: ResponseObject): string | null {
  return response.incomplete_details?.reason ?? response.status ?? null;
}

/** The response's `error` as a recorded error (`http` is the reply's HTTP status). */
export function responseError(response: ResponseObject, http: number | null): RecordedError | null {
  const error = response.error;
  if (!error) return null;
  return { type: error.code ?? "failed", status: http, message: error.message ?? "", body: error };
}

/** A note naming the server-side items (`web_search_call ×2, file_search_call`). */
export function serverItemsNote(types: readonly string[]): string[] {
  if (types.length === 0) return [];
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  const list = [...counts].map(([type, n]) => (n === 1 ? type : `${type} ×${n}`)).join(", ");
  return [`Server-side items (not reassembled; see the raw response): ${list}.`];
}

/** The id a tool call is answered by: `call_id` for functions and custom tools, the item id for MCP. */
export function toolCallId(item: { call_id?: string | null; id?: string | null }): string | null {
  return item.call_id ?? item.id ?? null;
}

/** Decodes a `response` object found at `path`. */
export function decodeResponseObject(data: unknown, path: string, http: number | null): DecodedResponse {
  const response = parseAt(responseObjectSchema, data, path);
  const notes: string[] = [];
  const serverItems: string[] = [];
  const reasoning: string[] = [];
  const toolCalls: AssembledMessage["toolCalls"] = [];
  let content = "";
  (response.output ?? []).forEach((raw, i) => {
    const at = `${path}.output[${i}]`;
    const { type } = parseAt(outputItemSchema, raw, at);
    if (type === "message") {
      const item = parseAt(messageItemSchema, raw, at);
      if (typeof item.content === "string") content += item.content;
      for (const part of item.content ?? []) {
        if (typeof part === "string") continue;
        if (part.type === "output_text" && part.text) content += part.text;
        else if (part.type === "refusal" && part.refusal) notes.push(`The model refused: ${part.refusal}`);
      }
    } else if (type === "reasoning") {
      const item = parseAt(reasoningItemSchema, raw, at);
      for (const part of [...(item.summary ?? []), ...(item.content ?? [])]) {
        if (part.text !== "") reasoning.push(part.text);
      }
    } else if (TOOL_CALL_TYPES.has(type)) {
      const item = parseAt(toolCallItemSchema, raw, at);
      const args = (item.type === "custom_tool_call" ? item.input : item.arguments) ?? "";
      toolCalls.push(
        assembledToolCall(toolCalls.length, toolCallId(item), item.name ?? null, args === "" ? [] : [args]),
      );
    } else {
      serverItems.push(type);
    }
  });
  notes.push(...serverItemsNote(serverItems));
  return {
    choice: {
      index: 0,
      role: "assistant",
      content,
      reasoning: reasoning.join(REASONING_SEPARATOR),
      toolCalls,
      finishReason: finishReason(response),
    },
    usage: responsesUsage(response.usage),
    model: response.model ?? null,
    status: response.status ?? null,
    error: responseError(response, http),
    serverItems,
    notes,
  };
}
