import { z } from "zod";
import { rawHttpRequestSchema, type Envelope } from "@/lib/model/envelope";
import type { Exchange, RecordedError, ResponseInfo } from "@/lib/model/exchange";
import type { Decoder } from "./decoder";
import { isRawHttpRequest } from "./anthropic-messages";
import { decodeInteractionsStream, isInteractionsSse } from "./interactions-stream";
import { nonEmpty } from "./openai-request";
import { rawHttpRequestSummary, summarizeRequest } from "./request-summary";
import { looksLikeSse, sseEventNames } from "./sse-events";
import { looksLikeSseText } from "./sse-text";
import { urlParts } from "./url-parts";

/**
 * Raw HTTP recordings (`{url, method, payload}` requests, responses with a `status`) that no
 * specific family claimed: Gemini interactions (bodies and SSE streams), error bodies of any API,
 * anything else as a plain result. Of HTTP cassettes (`origin: "http"`) it takes only the Gemini
 * interactions calls: the rest belong to their providers or to the generic fallback.
 */

const errorDetailSchema = z.looseObject({
  type: z.string().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  status: z.string().nullish(),
});

const errorBodySchema = z.looseObject({
  error: z.union([z.string(), errorDetailSchema]).nullish(),
  type: z.string().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  detail: z.unknown().optional(),
});

const textSchema = z.looseObject({ text: z.string() });
const modelSchema = z.looseObject({ model: z.string().nullish() });

const outputsSchema = z.looseObject({
  outputs: z.array(z.looseObject({ type: z.string().nullish(), text: z.string().nullish() })),
});

function codeText(code: string | number | null | undefined): string | null {
  return code === null || code === undefined || code === "" ? null : String(code);
}

/** The error an HTTP error body describes (`{error: {type|code, message}}`, `{type, message}`, `{detail}`). */
export function errorFromBody(body: unknown, status: number | null): RecordedError {
  const fallbackType = status === null ? "error" : `HTTP ${status}`;
  if (typeof body === "string") return { type: fallbackType, status, message: body, body };
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return { type: fallbackType, status, message: "", body };
  const { error, type, code, message, detail } = parsed.data;
  const inner = typeof error === "object" && error !== null ? error : null;
  const errorType =
    nonEmpty(inner?.type) ??
    codeText(inner?.code) ??
    nonEmpty(inner?.status) ??
    (type === "error" ? null : nonEmpty(type)) ??
    codeText(code) ??
    fallbackType;
  const errorMessage =
    nonEmpty(inner?.message) ??
    (typeof error === "string" ? error : null) ??
    nonEmpty(message) ??
    (typeof detail === "string" ? detail : detail === undefined ? null : JSON.stringify(detail)) ??
    "";
  return { type: errorType, status, message: errorMessage, body };
}

/** The text a success body obviously carries: interactions `outputs[].text`, a string body, a `text` field. */
function bodyText(body: unknown): string | null {
  if (typeof body === "string") return body;
  const outputs = outputsSchema.safeParse(body);
  if (outputs.success) {
    const texts = outputs.data.outputs.flatMap((output) =>
      output.type === "text" && output.text ? [output.text] : [],
    );
    return texts.length > 0 ? texts.join("") : null;
  }
  const text = textSchema.safeParse(body);
  return text.success ? text.data.text : null;
}

function bodyModel(body: unknown): string | null {
  const parsed = modelSchema.safeParse(body);
  return parsed.success ? nonEmpty(parsed.data.model) : null;
}

/** A Gemini interactions call (`POST /v1beta/interactions`, `GET /v1beta/interactions/{id}`). */
function isInteractionsCall(request: Record<string, unknown>): boolean {
  const path = typeof request.url === "string" ? urlParts(request.url).path : null;
  return path !== null && /\/interactions(\/|$)/.test(path);
}

/** HTTP cassettes keep SSE as one text; the SSE readers here take llama-stack's list of lines. */
function sseLines(body: unknown): unknown {
  return looksLikeSseText(body) ? body.split(/\r?\n/) : body;
}

function decodeResponse(
  envelope: Envelope,
  notes: string[],
): { response: ResponseInfo; model: string | null } {
  const { status: recordedStatus, is_streaming: streaming } = envelope.response;
  const body = envelope.origin === "http" ? sseLines(envelope.response.body) : envelope.response.body;
  const status = recordedStatus ?? null;
  if (status !== null && status >= 400)
    return { response: { type: "error", error: errorFromBody(body, status) }, model: null };
  if (looksLikeSse(body)) {
    if (isInteractionsSse(body)) {
      const stream = decodeInteractionsStream(body, "response.body");
      const choice = stream.choices[0];
      const empty =
        !choice || (choice.content === "" && choice.reasoning === "" && choice.toolCalls.length === 0);
      if (stream.error && empty)
        return { response: { type: "error", error: { ...stream.error, status } }, model: stream.model };
      if (stream.error)
        notes.push(`the stream carries an error event (${stream.error.type}: ${stream.error.message})`);
      const { chunks, choices, usage, model } = stream;
      return { response: { type: "message", streaming: true, chunks, choices, usage, model }, model };
    }
    const names = sseEventNames(body);
    notes.push(
      `the body is server-sent events of an API Tapedeck does not know${names.length > 0 ? ` (events: ${names.join(", ")})` : ""}`,
    );
  }
  return {
    response: { type: "result", streaming: streaming ?? false, status, text: bodyText(body), value: body },
    model: bodyModel(body),
  };
}

export const rawHttpDecoder: Decoder = {
  family: "raw-http",
  claims(envelope: Envelope): boolean {
    if (envelope.origin === "http") return isInteractionsCall(envelope.request);
    return isRawHttpRequest(envelope.request) || typeof envelope.response.status === "number";
  },
  decode(envelope: Envelope): Exchange {
    const raw = rawHttpRequestSchema.safeParse(envelope.request);
    const summary =
      raw.success && "payload" in envelope.request
        ? rawHttpRequestSummary(envelope, raw.data)
        : summarizeRequest(envelope);
    const notes = [...summary.notes];
    const { response, model } = decodeResponse(envelope, notes);
    return {
      family: "raw-http",
      kind: summary.kind,
      provider: summary.provider,
      providerDetail: summary.providerDetail,
      model: summary.model ?? model,
      testId: summary.testId,
      responseType: null,
      request: summary.request,
      response,
      notes,
    };
  },
};
