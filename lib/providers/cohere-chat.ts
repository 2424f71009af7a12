import { rawHttpRequestSchema, type Envelope } from "@/lib/model/envelope";
import type { CallKind, Exchange, ResponseInfo } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";
import { cohereV1Conversation, cohereV2Conversation } from "./cohere-chat-request";
import { cohereV1ChatResponse, cohereV1GenerateResponse, cohereV2Response } from "./cohere-chat-response";
import { decodeCohereV1Stream, decodeCohereV2Stream, type CohereStream } from "./cohere-chat-stream";
import { isRecord } from "./fast-read";
import { httpError, isErrorStatus } from "./http-error";
import { firstNdjsonValue, ndjsonLines } from "./ndjson-text";
import { httpCall } from "./openai-http";
import { requestBasics } from "./request-info";
import { firstSseObjects, isSseBody, sseBodyEvents } from "./sse-body";

/** The three Cohere endpoints read here. */
type Endpoint = "v2-chat" | "v1-chat" | "v1-generate";

function endpointOf(path: string): Endpoint | null {
  const trimmed = path.endsWith("/") ? path.slice(0, -1) : path;
  if (trimmed.endsWith("/v2/chat")) return "v2-chat";
  if (trimmed.endsWith("/v1/chat")) return "v1-chat";
  if (trimmed.endsWith("/v1/generate")) return "v1-generate";
  return null;
}

/** Events a v2 stream opens with; a claim looks at the first. */
const V2_FIRST_EVENTS = new Set(["message-start", "content-start", "content-delta", "tool-plan-delta"]);

/** True when the response body has the shape of the endpoint's answers (a JSON answer or a stream). */
function hasCohereShape(endpoint: Endpoint, body: unknown): boolean {
  if (endpoint === "v2-chat") {
    if (isRecord(body)) return isRecord(body.message) && ("finish_reason" in body || "id" in body);
    if (!isSseBody(body) || !(typeof body === "string" || Array.isArray(body))) return false;
    const [first] = firstSseObjects(body, 1);
    return isRecord(first) && typeof first.type === "string" && V2_FIRST_EVENTS.has(first.type);
  }
  if (typeof body === "string") {
    const first = firstNdjsonValue(body);
    return isRecord(first) && typeof first.event_type === "string";
  }
  if (!isRecord(body)) return false;
  if (endpoint === "v1-generate") return Array.isArray(body.generations);
  return typeof body.text === "string" && ("response_id" in body || "generation_id" in body);
}

/** Cohere's error replies: `{id, message}`, sometimes with `error_type`. */
function isCohereError(body: unknown): boolean {
  return isRecord(body) && typeof body.message === "string";
}

function streamResponse(stream: CohereStream, status: number | null, notes: string[]): ResponseInfo {
  const { chunks, choices, usage, error } = stream;
  const empty = choices.every((c) => c.content === "" && c.reasoning === "" && c.toolCalls.length === 0);
  if (error && empty) return { type: "error", error: { ...error, status } };
  notes.push(...stream.notes);
  return { type: "message", streaming: true, chunks, choices, usage, model: null };
}

function decodeResponse(endpoint: Endpoint, envelope: Envelope, notes: string[]): ResponseInfo {
  const { body, status = null } = envelope.response;
  if (isErrorStatus(status)) {
    const error = httpError(body, status);
    const type = isRecord(body) && typeof body.error_type === "string" ? body.error_type : error.type;
    return { type: "error", error: { ...error, type } };
  }
  if (endpoint === "v2-chat") {
    if (typeof body === "string" || Array.isArray(body))
      return streamResponse(decodeCohereV2Stream(sseBodyEvents(body, "response.body")), status, notes);
    return cohereV2Response(body, notes);
  }
  if (typeof body === "string")
    return streamResponse(decodeCohereV1Stream(ndjsonLines(body, "response.body")), status, notes);
  return endpoint === "v1-generate" ? cohereV1GenerateResponse(body) : cohereV1ChatResponse(body);
}

/**
 * Cohere's chat API: v2 `POST /v2/chat` (JSON answers, SSE streams) and the older v1 `/v1/chat` and
 * `/v1/generate` (JSON answers, `application/stream+json` NDJSON streams), with their error replies.
 * Claimed by the URL path and the body's shape.
 */
export const cohereChatDecoder: Decoder = {
  family: "cohere-chat",

  claims(envelope: Envelope): boolean {
    const call = httpCall(envelope);
    const endpoint = call === null ? null : endpointOf(call.path);
    if (call === null || endpoint === null) return false;
    const body = envelope.response.body;
    if (isErrorStatus(call.status)) return envelope.origin === "http" && isCohereError(body);
    return hasCohereShape(endpoint, body);
  },

  decode(envelope: Envelope): Exchange {
    const raw = parseAt(rawHttpRequestSchema, envelope.request, "request");
    const basics = requestBasics(raw.method, raw.url, null);
    const endpoint = endpointOf(basics.endpoint ?? "") ?? "v2-chat";
    const conversation =
      endpoint === "v2-chat" ? cohereV2Conversation(raw.payload) : cohereV1Conversation(raw.payload);
    const kind: CallKind = endpoint === "v1-generate" ? "completion" : "chat";
    const notes: string[] = [];
    const response = decodeResponse(endpoint, envelope, notes);
    return {
      family: "cohere-chat",
      kind,
      provider: "cohere",
      providerDetail: basics.host,
      model: conversation.model,
      testId: envelope.test_id ?? (typeof raw.test_id === "string" ? raw.test_id : null),
      responseType: null,
      request: {
        ...basics,
        messages: conversation.messages,
        tools: conversation.tools,
        params: conversation.params,
        body: raw.payload,
      },
      response,
      notes,
    };
  },
};
