import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, ResponseInfo } from "@/lib/model/exchange";
import type { Decoder } from "./decoder";
import { isRecord } from "./fast-read";
import { responseShape, shapeNote, singleData, streamItems, type BodyShape } from "./openai-body";
import { errorResponse, httpCall, isEmptyMessage, isErrorReply, streamWithError } from "./openai-http";
import { openaiRequest } from "./openai-request";
import { RESPONSES_CONVERSATION_KEYS, responsesConversation } from "./openai-responses-input";
import { decodeResponseObject } from "./openai-responses-output";
import { decodeResponsesStream } from "./openai-responses-stream";

/** SDK classes of a Responses body (should a recorder wrap them). */
const CLASSES: ReadonlySet<string> = new Set(["Response"]);

/** A `response` object, or a stream whose events are `response.*` (SSE text or wrapped events). */
function isResponses(shape: BodyShape | null): boolean {
  if (!shape) return false;
  if (shape.list) {
    const type = isRecord(shape.data) ? shape.data.type : null;
    return typeof type === "string" && type.startsWith("response.");
  }
  return shape.object === "response";
}

function claims(envelope: Envelope): boolean {
  return isResponses(responseShape(envelope)) || isErrorReply(httpCall(envelope), "responses");
}

function decodeResponse(
  envelope: Envelope,
  shape: BodyShape | null,
  notes: string[],
): { response: ResponseInfo; model: string | null } {
  const status = envelope.response.status ?? null;
  if (isErrorReply(httpCall(envelope), "responses"))
    return { response: errorResponse(envelope), model: null };
  if (!shape) throw new Error("not an OpenAI Responses body");
  const body = envelope.response.body;
  if (shape.list) {
    const stream = decodeResponsesStream(streamItems(body));
    notes.push(...stream.notes);
    const { chunks, choices, usage, model } = stream;
    const message = { type: "message" as const, streaming: true, chunks, choices, usage, model };
    return { response: streamWithError(message, stream.error, status, notes), model };
  }
  const { data, path } = singleData(body);
  const decoded = decodeResponseObject(data, path, status);
  notes.push(...decoded.notes);
  const { choice, usage, model, error } = decoded;
  if (error && isEmptyMessage([choice])) return { response: { type: "error", error }, model };
  if (error) notes.push(`The response failed (${error.type}: ${error.message}).`);
  return {
    response: { type: "message", streaming: false, chunks: [], choices: [choice], usage, model },
    model,
  };
}

function decode(envelope: Envelope): Exchange {
  const shape = responseShape(envelope);
  const req = openaiRequest(envelope, responsesConversation, RESPONSES_CONVERSATION_KEYS);
  const notes = shape ? shapeNote(shape, CLASSES) : [];
  const { response, model } = decodeResponse(envelope, shape, notes);
  return {
    family: "openai-responses",
    kind: "responses",
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
 * OpenAI Responses (`POST /v1/responses`, also `GET /v1/responses/{id}` in background mode): a
 * `response` object, or its SSE stream of `response.*` events; and the error replies of
 * `…/responses`. Served by OpenAI and by compatible hosts (OpenRouter, Bedrock, DeepSeek...).
 */
export const openaiResponsesDecoder: Decoder = {
  family: "openai-responses",
  claims,
  decode,
};
