import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, ResponseInfo } from "@/lib/model/exchange";
import type { Decoder } from "./decoder";
import { isRecord } from "./fast-read";
import { responseShape, shapeNote, singleData, type BodyShape } from "./openai-body";
import { decodeChatCompletion } from "./openai-chat-message";
import { decodeChatStream } from "./openai-chat-stream";
import { errorResponse, httpCall, isErrorReply, streamWithError } from "./openai-http";
import { openaiMessages, openaiTools } from "./openai-messages";
import { openaiRequest, type Conversation } from "./openai-request";

/** Classes of a non-streamed chat completion. */
const COMPLETION_CLASSES: ReadonlySet<string> = new Set(["ChatCompletion"]);
/** Classes of stream chunks: OpenAI's, and litellm's look-alike. */
const CHUNK_CLASSES: ReadonlySet<string> = new Set(["ChatCompletionChunk", "ModelResponseStream"]);

/** A chat body by its class or its `object`, wherever it was sent. */
function isChat(shape: BodyShape | null): boolean {
  if (!shape) return false;
  const className = shape.className ?? "";
  if (shape.list) return CHUNK_CLASSES.has(className) || shape.object === "chat.completion.chunk";
  return COMPLETION_CLASSES.has(className) || shape.object === "chat.completion";
}

/** A success body sent to a `…/chat/completions` path: any stream, choices, or an error object. */
function isChatReply(shape: BodyShape | null): boolean {
  if (!shape) return false;
  if (shape.sse) return true;
  return isRecord(shape.data) && (Array.isArray(shape.data.choices) || isErrorBody(shape.data));
}

/** An error sent with status 200 (OpenRouter): `{error: ...}` and no choices. */
function isErrorBody(data: unknown): boolean {
  return isRecord(data) && data.error !== undefined && data.error !== null && !Array.isArray(data.choices);
}

/** A chat request body (`messages` sent to a chat path): the call is a chat, whatever came back. */
function isChatRequest(envelope: Envelope): boolean {
  const payload = envelope.request.payload;
  return isRecord(payload) && Array.isArray(payload.messages);
}

function claims(envelope: Envelope): boolean {
  const shape = responseShape(envelope);
  if (isChat(shape)) return true;
  const call = httpCall(envelope);
  if (call === null || call.endpoint !== "chat") return false;
  return isErrorReply(call, "chat") || isChatReply(shape) || isChatRequest(envelope);
}

/** A reply to a chat request that is not a chat completion (a mock server, a proxy's page). */
function notAChatReply(body: unknown, notes: string[]): ResponseInfo {
  const what =
    typeof body === "string"
      ? `text (${JSON.stringify(body.slice(0, 60))}${body.length > 60 ? "…" : ""})`
      : body === null || body === undefined
        ? "empty"
        : isRecord(body)
          ? `an object with keys ${Object.keys(body).slice(0, 5).join(", ") || "none"}`
          : `a ${Array.isArray(body) ? "list" : typeof body}`;
  notes.push(`the reply to this chat request is not a chat completion: it is ${what}`);
  return { type: "unknown", value: body };
}

function chatConversation(body: Record<string, unknown>, path: string): Conversation {
  return {
    messages:
      body.messages === undefined || body.messages === null
        ? []
        : openaiMessages(body.messages, `${path}.messages`),
    tools: body.tools === undefined || body.tools === null ? [] : openaiTools(body.tools, `${path}.tools`),
  };
}

function decodeResponse(
  envelope: Envelope,
  shape: BodyShape | null,
  notes: string[],
): { response: ResponseInfo; model: string | null } {
  const body = envelope.response.body;
  const call = httpCall(envelope);
  if (isErrorReply(call, "chat") || (shape && !shape.list && isErrorBody(shape.data))) {
    return { response: errorResponse(envelope), model: null };
  }
  if (!shape || (!shape.list && !isChat(shape) && !isChatReply(shape))) {
    return { response: notAChatReply(body, notes), model: null };
  }
  if (shape.list) {
    const decoded = decodeChatStream(body);
    notes.push(...decoded.notes);
    const { chunks, choices, usage, model } = decoded;
    const message = { type: "message" as const, streaming: true, chunks, choices, usage, model };
    return { response: streamWithError(message, decoded.error, call?.status ?? null, notes), model };
  }
  const { data, path } = singleData(body);
  const decoded = decodeChatCompletion(data, path);
  notes.push(...decoded.notes);
  const { chunks, choices, usage, model } = decoded;
  return { response: { type: "message", streaming: false, chunks, choices, usage, model }, model };
}

function decode(envelope: Envelope): Exchange {
  const shape = responseShape(envelope);
  const req = openaiRequest(envelope, chatConversation, ["messages", "tools"]);
  const notes = shape ? shapeNote(shape, shape.list ? CHUNK_CLASSES : COMPLETION_CLASSES) : [];
  const { response, model } = decodeResponse(envelope, shape, notes);
  return {
    family: "openai-chat",
    kind: "chat",
    provider: "openai-compatible",
    providerDetail: req.providerDetail,
    model: req.model ?? model,
    testId: req.testId,
    responseType: shape?.type ?? null,
    request: req.request,
    response,
    notes,
  };
}

/**
 * OpenAI chat completions: a `ChatCompletion`, or a stream of `ChatCompletionChunk` (or litellm
 * `ModelResponseStream`). Unknown classes are claimed when their data says `chat.completion[.chunk]`.
 * HTTP calls: a plain body or SSE text sent to a `…/chat/completions` path (any OpenAI-compatible
 * host), and that path's error replies.
 */
export const openaiChatDecoder: Decoder = {
  family: "openai-chat",
  claims,
  decode,
};
