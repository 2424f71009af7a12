import { z } from "zod";
import { assembledToolCall } from "@/lib/model/assembler";
import { rawHttpRequestSchema, type Envelope } from "@/lib/model/envelope";
import type { AssembledToolCall, Exchange, RequestInfo, ResponseInfo } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt, type Decoder } from "./decoder";
import { anthropicConversation, inputArguments } from "./anthropic-request";
import { decodeAnthropicStream } from "./anthropic-stream";
import { httpError, isErrorStatus } from "./http-error";
import { httpCall } from "./openai-http";
import { nonEmpty, testIdOf } from "./openai-request";
import { requestBasics } from "./request-info";
import { sseBodyEvents } from "./sse-body";
import { looksLikeSseText, sseTextEvents } from "./sse-text";

/**
 * The Anthropic messages API (`POST /v1/messages`) as llama-stack's raw-HTTP recorder keeps it
 * (streams as SSE lines) and as HTTP cassettes do (streams as SSE text, error replies): one decoder
 * for both. Non-stream `{type: "message", content: [...]}` bodies are claimed wherever they come from.
 */

const ANTHROPIC_EVENTS = ["message_start", "content_block_", "message_delta", "message_stop"];

/** Events a claim looks at in SSE text: `ping` may come before the first content block. */
const LOOK_AHEAD = 3;

function isAnthropicEventName(name: string): boolean {
  return ANTHROPIC_EVENTS.some((prefix) => name.startsWith(prefix));
}

/** The raw-HTTP request shape `{url, method, payload}`. */
export function isRawHttpRequest(request: Record<string, unknown>): boolean {
  return typeof request.url === "string" && typeof request.method === "string" && "payload" in request;
}

/** True when the SSE lines carry Anthropic message events (by event name or the data's `type`). */
function isAnthropicSse(body: unknown[]): boolean {
  for (const line of body) {
    if (typeof line !== "string") return false;
    if (line.startsWith("event:")) {
      const name = line.slice(6).trim();
      if (ANTHROPIC_EVENTS.some((prefix) => name.startsWith(prefix))) return true;
    } else if (line.startsWith('data: {"type":"')) {
      const name = line.slice(15);
      if (ANTHROPIC_EVENTS.some((prefix) => name.startsWith(prefix)) || name.startsWith('error"'))
        return true;
    }
  }
  return false;
}

/** True when the first events of SSE text are Anthropic message events (or its error event). */
function isAnthropicSseText(text: string): boolean {
  for (const event of sseTextEvents(text, LOOK_AHEAD)) {
    if (event.event !== null && (isAnthropicEventName(event.event) || event.event === "error")) return true;
    const type = /^\s*\{\s*"type"\s*:\s*"([a-z_]+)"/.exec(event.data)?.[1];
    if (type !== undefined && (isAnthropicEventName(type) || type === "error")) return true;
  }
  return false;
}

/** `…/v1/messages` (api.anthropic.com, or a proxy that keeps the path); not batches or count_tokens. */
function isMessagesPath(path: string): boolean {
  return path.endsWith("/v1/messages") || path.endsWith("/v1/messages/");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isMessageBody(body: unknown): boolean {
  return isRecord(body) && body.type === "message" && Array.isArray(body.content);
}

const blockSchema = z.looseObject({ type: z.string() });
const messageBodySchema = z.looseObject({
  type: z.literal("message"),
  role: z.string().nullish(),
  model: z.string().nullish(),
  content: z.array(blockSchema),
  stop_reason: z.string().nullish(),
  usage: z.unknown().optional(),
});
const textBlockSchema = z.looseObject({ text: z.string() });
const thinkingBlockSchema = z.looseObject({ thinking: z.string() });
const toolBlockSchema = z.looseObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  input: z.unknown(),
});

/** A non-stream `{type: "message"}` body (also Anthropic's InvokeModel reply on Bedrock). */
export function decodeMessageBody(body: unknown, notes: string[]): ResponseInfo {
  const path = "response.body";
  const message = parseAt(messageBodySchema, body, path);
  let content = "";
  let reasoning = "";
  const toolCalls: AssembledToolCall[] = [];
  message.content.forEach((block, i) => {
    const at = `${path}.content[${i}]`;
    if (block.type === "text") content += parseAt(textBlockSchema, block, at).text;
    else if (block.type === "thinking") reasoning += parseAt(thinkingBlockSchema, block, at).thinking;
    else if (block.type === "tool_use" || block.type === "server_tool_use" || block.type === "mcp_tool_use") {
      const tool = parseAt(toolBlockSchema, block, at);
      const args = inputArguments(tool.input);
      toolCalls.push(
        assembledToolCall(toolCalls.length, tool.id ?? null, tool.name ?? null, args === "" ? [] : [args]),
      );
    } else notes.push(`content block ${i} (${block.type}) is not part of the text, reasoning or tool calls`);
  });
  return {
    type: "message",
    streaming: false,
    chunks: [],
    choices: [
      {
        index: 0,
        role: message.role ?? "assistant",
        content,
        reasoning,
        toolCalls,
        finishReason: message.stop_reason ?? null,
      },
    ],
    usage: usageFrom(message.usage),
    model: message.model ?? null,
  };
}

export const anthropicMessagesDecoder: Decoder = {
  family: "anthropic-messages",
  claims(envelope: Envelope): boolean {
    if (!isRawHttpRequest(envelope.request)) return false;
    const body = envelope.response.body;
    if (Array.isArray(body)) return isAnthropicSse(body);
    if (isMessageBody(body)) return true;
    // Error replies and SSE text only from cassettes: llama-stack's raw-HTTP errors stay raw-http.
    if (envelope.origin !== "http") return false;
    const call = httpCall(envelope);
    if (call === null || !isMessagesPath(call.path)) return false;
    return isErrorStatus(call.status) || (looksLikeSseText(body) && isAnthropicSseText(body));
  },
  decode(envelope: Envelope): Exchange {
    const raw = parseAt(rawHttpRequestSchema, envelope.request, "request");
    const { messages, tools, params } = anthropicConversation(raw.payload);
    const basics = requestBasics(raw.method, raw.url, null);
    const request: RequestInfo = {
      ...basics,
      messages,
      tools,
      params,
      body: raw.payload,
    };
    const status = envelope.response.status ?? null;
    const notes: string[] = [];
    let response: ResponseInfo;
    const body = envelope.response.body;
    if (envelope.origin === "http" && isErrorStatus(status)) {
      response = { type: "error", error: httpError(body, status) };
    } else if (Array.isArray(body) || typeof body === "string") {
      const stream = decodeAnthropicStream(sseBodyEvents(body, "response.body"));
      const choice = stream.choices[0];
      const empty =
        !choice || (choice.content === "" && choice.reasoning === "" && choice.toolCalls.length === 0);
      if (stream.error && empty) {
        response = { type: "error", error: { ...stream.error, status } };
      } else {
        notes.push(...stream.notes);
        response = {
          type: "message",
          streaming: true,
          chunks: stream.chunks,
          choices: stream.choices,
          usage: stream.usage,
          model: stream.model,
        };
      }
    } else {
      response = decodeMessageBody(body, notes);
    }
    const payloadModel = isRecord(raw.payload) ? nonEmpty(raw.payload.model) : null;
    return {
      family: "anthropic-messages",
      kind: "messages",
      provider: "anthropic",
      providerDetail: basics.host,
      model: payloadModel ?? (response.type === "message" ? response.model : null),
      testId: testIdOf(envelope),
      responseType: null,
      request,
      response,
      notes,
    };
  },
};
