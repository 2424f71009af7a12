import type { Envelope } from "@/lib/model/envelope";
import type { AssembledMessage, RecordedError, ResponseInfo } from "@/lib/model/exchange";
import { errorFromBody } from "./raw-http";
import { splitUrl } from "./request-info";

/**
 * What the OpenAI decoders need to know about an HTTP call (a cassette's `origin: "http"` envelope,
 * or a llama-stack raw-HTTP recording `{url, method, payload}`): the URL path and the status.
 * OpenAI-compatible servers are many, so the endpoint is told by the path's ending, not the host.
 */

export type OpenAIEndpoint = "chat" | "completions" | "responses" | "embeddings" | "models" | "images";

export interface HttpCall {
  /** The URL path (no query). */
  path: string;
  /** The OpenAI endpoint the path names, if any. */
  endpoint: OpenAIEndpoint | null;
  status: number | null;
}

/**
 * The endpoint a URL path names: `…/chat/completions` (`/v1`, `/openai/v1` (Groq), `/api/v1`
 * (OpenRouter), `/compatible-mode/v1` (Alibaba), `/chat/completions` (llama.cpp, DeepSeek), Azure
 * deployments), `…/completions`, `…/responses`, `…/embeddings`, `…/v1/models`,
 * `…/images/{generations,edits,variations}`.
 */
export function endpointOf(path: string): OpenAIEndpoint | null {
  const trimmed = path.endsWith("/") ? path.slice(0, -1) : path;
  if (trimmed.endsWith("/chat/completions")) return "chat";
  if (trimmed.endsWith("/completions")) return "completions";
  if (trimmed.endsWith("/responses")) return "responses";
  if (trimmed.endsWith("/embeddings")) return "embeddings";
  // Only `/v1/models`: Gemini's `/v1beta/models` and Ollama's `/api/tags` are other APIs.
  if (trimmed.endsWith("/v1/models")) return "models";
  if (/\/images\/(?:generations|edits|variations)$/.test(trimmed)) return "images";
  return null;
}

/** The HTTP call of an envelope, or null for llama-stack SDK recordings. */
export function httpCall(envelope: Envelope): HttpCall | null {
  const { request, response } = envelope;
  const http = envelope.origin === "http" || ("payload" in request && !("body" in request));
  if (!http || typeof request.url !== "string") return null;
  const path = splitUrl(request.url).path ?? "";
  return { path, endpoint: endpointOf(path), status: response.status ?? null };
}

/** True for an HTTP error reply (status 400 and above) to `endpoint`. */
export function isErrorReply(call: HttpCall | null, endpoint: OpenAIEndpoint): boolean {
  return call !== null && call.endpoint === endpoint && call.status !== null && call.status >= 400;
}

/** The recorded error of an error reply (status from the call; 200 for an error body sent as success). */
export function errorResponse(envelope: Envelope): Extract<ResponseInfo, { type: "error" }> {
  return { type: "error", error: errorFromBody(envelope.response.body, envelope.response.status ?? null) };
}

/** True when a reassembled message holds nothing (no text, reasoning or tool call in any choice). */
export function isEmptyMessage(choices: readonly AssembledMessage[]): boolean {
  return choices.every(
    (choice) => choice.content === "" && choice.reasoning === "" && choice.toolCalls.length === 0,
  );
}

/**
 * A stream that carried an error: an error response when nothing else came, else the message
 * with a note naming the error.
 */
export function streamWithError(
  message: Extract<ResponseInfo, { type: "message" }>,
  error: RecordedError | null,
  status: number | null,
  notes: string[],
): ResponseInfo {
  if (error === null) return message;
  if (isEmptyMessage(message.choices))
    return { type: "error", error: { ...error, status: error.status ?? status } };
  notes.push(`The stream carries an error event (${error.type}: ${error.message}).`);
  return message;
}
