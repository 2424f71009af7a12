import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, RequestInfo, ResponseInfo } from "@/lib/model/exchange";
import { decodeEventStream } from "@/lib/containers/http-body";
import { isBinaryBody, isEventStreamBody, type EventStreamMessage } from "@/lib/model/http-body";
import { parseBoundedJson } from "@/lib/model/json-depth";
import { parseAt, SchemaMismatch, type Decoder } from "./decoder";
import { isRecord } from "./fast-read";
import { bedrockCall, bedrockHttpError, type BedrockCall } from "./bedrock-call";
import { converseConversation, converseResponse } from "./bedrock-converse";
import { decodeConverseStream, type BedrockStream } from "./bedrock-converse-stream";
import {
  invokeRequest,
  invokeResponse,
  invokeVendor,
  type InvokeRequest,
  type InvokeVendor,
} from "./bedrock-invoke";
import { decodeInvokeStream } from "./bedrock-invoke-stream";
import { countTokensRequestSchema, countTokensResponseSchema } from "./bedrock-schemas";
import { testIdOf } from "./openai-request";
import { urlParts } from "./url-parts";

/**
 * AWS Bedrock runtime calls in HTTP cassettes (`POST /model/{modelId}/{operation}` on
 * `bedrock-runtime.<region>.amazonaws.com`): Converse, ConverseStream, InvokeModel,
 * InvokeModelWithResponseStream and CountTokens. Claimed by the URL path; the host must be a
 * Bedrock runtime's unless the body has Converse's shape (a proxy or a local stub).
 */

/** The request body: `payload` in HTTP envelopes and raw-HTTP recordings, `body` in inference requests. */
function payloadOf(request: Record<string, unknown>): unknown {
  return "payload" in request ? request.payload : request.body;
}

function looksLikeConverse(payload: unknown): boolean {
  if (!isRecord(payload) || !Array.isArray(payload.messages)) return false;
  const first: unknown = payload.messages[0];
  return (
    isRecord(first) &&
    Array.isArray(first.content) &&
    first.content.every((block) => isRecord(block) && !("type" in block))
  );
}

function callOf(envelope: Envelope): BedrockCall | null {
  const url = envelope.request.url;
  return typeof url === "string" ? bedrockCall(url) : null;
}

function parsedPayload(payload: unknown, notes: string[]): unknown {
  if (typeof payload !== "string") return payload;
  try {
    return parseBoundedJson(payload);
  } catch {
    notes.push("the request body is not valid JSON (it may have been cut); it is shown as recorded");
    return payload;
  }
}

/** A blob field of a JSON request (CountTokens' `invokeModel.body`): base64 of JSON, or JSON text. */
function blobJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trimStart().startsWith("{") ? value : Buffer.from(value, "base64").toString("utf8");
  try {
    return parseBoundedJson(text);
  } catch {
    return value;
  }
}

/** CountTokens: `{input: {converse: {...}}}` or `{input: {invokeModel: {body: <base64 of the InvokeModel body>}}}`. */
function countTokensRequest(payload: unknown, modelId: string): InvokeRequest {
  const parsed = countTokensRequestSchema.safeParse(payload);
  if (!parsed.success) return { kind: "http", messages: [], tools: [], params: {} };
  const { converse, invokeModel } = parsed.data.input;
  if (converse !== undefined) return { ...converseConversation(converse), kind: "http" };
  if (invokeModel !== undefined) {
    const body = blobJson(invokeModel.body);
    return { ...invokeRequest(invokeVendor(body, modelId), body), kind: "http" };
  }
  return { kind: "http", messages: [], tools: [], params: {} };
}

function readRequest(
  call: BedrockCall,
  payload: unknown,
  reply: unknown,
): InvokeRequest & { vendor: InvokeVendor | null } {
  switch (call.operation) {
    case "converse":
    case "converse-stream":
      return { kind: "chat", ...converseConversation(payload), vendor: null };
    case "invoke":
    case "invoke-with-response-stream": {
      const vendor = invokeVendor(payload, call.modelId, reply);
      return { ...invokeRequest(vendor, payload), vendor };
    }
    case "count-tokens":
      return { ...countTokensRequest(payload, call.modelId), vendor: null };
  }
}

/** A stream as the exchange's response: an error when the stream is nothing but an exception. */
function streamResponse(
  stream: BedrockStream & { model?: string | null },
  status: number | null,
  notes: string[],
): ResponseInfo {
  const choice = stream.choices[0];
  const empty =
    !choice || (choice.content === "" && choice.reasoning === "" && choice.toolCalls.length === 0);
  if (stream.error && empty) return { type: "error", error: { ...stream.error, status } };
  notes.push(...stream.notes);
  const { chunks, choices, usage } = stream;
  return { type: "message", streaming: true, chunks, choices, usage, model: stream.model ?? null };
}

function eventStreamOf(body: unknown, operation: string, notes: string[]): EventStreamMessage[] {
  if (isEventStreamBody(body)) return body.$eventstream;
  if (isBinaryBody(body)) {
    // Bytes the container did not take for an eventstream (its content type redacted or missing).
    const { messages, problem } = decodeEventStream(Buffer.from(body.$binary.base64, "base64"));
    if (problem !== null) throw new SchemaMismatch("response.body", problem);
    notes.push("the body was kept as bytes; Tapedeck read them as the AWS eventstream the call returns");
    return messages;
  }
  throw new SchemaMismatch("response.body", `a ${operation} reply must be an AWS eventstream`);
}

function readResponse(
  call: BedrockCall,
  envelope: Envelope,
  vendor: InvokeVendor,
  notes: string[],
): ResponseInfo {
  const { body, headers } = envelope.response;
  const status = envelope.response.status ?? null;
  if (status !== null && status >= 400)
    return { type: "error", error: bedrockHttpError(body, status, headers) };
  switch (call.operation) {
    case "converse":
      return converseResponse(body, "response.body", notes);
    case "converse-stream":
      return streamResponse(
        decodeConverseStream(eventStreamOf(body, "ConverseStream", notes), "response.body"),
        status,
        notes,
      );
    case "invoke": {
      const response = invokeResponse(vendor, body, "response.body", headers, notes);
      return response.type === "result" ? { ...response, status } : response;
    }
    case "invoke-with-response-stream":
      return streamResponse(
        decodeInvokeStream(eventStreamOf(body, "InvokeModelWithResponseStream", notes), "response.body"),
        status,
        notes,
      );
    case "count-tokens": {
      const { inputTokens } = parseAt(countTokensResponseSchema, body, "response.body");
      notes.push(`CountTokens: the request counts ${inputTokens} input tokens`);
      return { type: "result", streaming: false, status, text: null, value: body };
    }
  }
}

export const bedrockDecoder: Decoder = {
  family: "bedrock",
  claims(envelope: Envelope): boolean {
    const call = callOf(envelope);
    if (call === null) return false;
    if (call.host !== null) return true;
    return (
      (call.operation === "converse" || call.operation === "converse-stream") &&
      looksLikeConverse(payloadOf(envelope.request))
    );
  },
  decode(envelope: Envelope): Exchange {
    const call = callOf(envelope);
    if (call === null)
      throw new SchemaMismatch("request.url", "not a Bedrock runtime URL (/model/{modelId}/{operation})");
    const notes: string[] = [];
    const recorded = payloadOf(envelope.request);
    const payload = parsedPayload(recorded, notes);
    const { kind, messages, tools, params, vendor } = readRequest(call, payload, envelope.response.body);
    const url = typeof envelope.request.url === "string" ? envelope.request.url : null;
    const method = typeof envelope.request.method === "string" ? envelope.request.method : null;
    const host = call.host ?? (url === null ? null : urlParts(url).host);
    const request: RequestInfo = {
      method,
      url,
      endpoint: call.path,
      host,
      messages,
      tools,
      params,
      body: recorded,
    };
    const response = readResponse(call, envelope, vendor ?? "unknown", notes);
    return {
      family: "bedrock",
      kind: response.type === "embeddings" ? "embeddings" : kind,
      provider: "bedrock",
      providerDetail: host,
      model: call.modelId,
      testId: testIdOf(envelope),
      responseType: null,
      request,
      response,
      notes,
    };
  },
};
