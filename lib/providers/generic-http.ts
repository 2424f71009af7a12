import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, Family, RequestInfo, ResponseInfo } from "@/lib/model/exchange";
import { parseBoundedJson } from "@/lib/model/json-depth";
import { isRecord } from "./fast-read";
import { bodyNote, shortUrl, unclaimedReason } from "./http-purpose";
import { nonEmpty, testIdOf } from "./openai-request";
import { errorFromBody } from "./raw-http";
import { omitKeys } from "./request-info";
import { looksLikeSseText, sseTextEvents } from "./sse-text";
import { urlParts } from "./url-parts";

/**
 * The generic fallback for calls of HTTP cassettes (`origin: "http"`) that no provider claims:
 * search APIs, telemetry, OAuth, downloads, batch polling, vendor endpoints Tapedeck does not
 * decode. The body is shown as a result a reader can scan (JSON as is, SSE as a list of events,
 * NDJSON as a list of values, text as is, bytes as recorded); an error status is an error; the
 * notes say why no provider matched.
 */

function json(text: string): unknown {
  try {
    return parseBoundedJson(text);
  } catch {
    return text;
  }
}

const NDJSON_TYPES = [
  "application/x-ndjson",
  "application/stream+json",
  "application/jsonl",
  "application/json-seq",
];

function isNdjson(text: string, contentType: string): boolean {
  if (!NDJSON_TYPES.some((type) => contentType.includes(type))) return false;
  return text.split("\n").every((line) => line.trim() === "" || json(line) !== line);
}

/** The body as a reader scans it: SSE text as events `{event, data}`, NDJSON as values, the rest as recorded. */
export function readableBody(body: unknown, contentType: string): unknown {
  if (typeof body !== "string") return body;
  const text: string = body;
  // `looksLikeSseText` narrows `body` to never when false; `text` stays a string for the lines below.
  if (looksLikeSseText(body)) {
    return sseTextEvents(text).map((event) => ({ event: event.event, data: json(event.data) }));
  }
  if (isNdjson(text, contentType)) {
    return text.split("\n").flatMap((line) => (line.trim() === "" ? [] : [json(line)]));
  }
  return text;
}

/** A model the URL names (`/models/{m}:generateContent`, `/model/{m}/invoke`, `/ai/run/@cf/...`). */
function urlModel(path: string | null): string | null {
  if (path === null) return null;
  const match = /\/models?\/([^/:]+)/.exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

function requestInfo(envelope: Envelope): RequestInfo & { model: string | null } {
  const { method, url, payload } = envelope.request;
  const recordedUrl = typeof url === "string" ? url : null;
  const { host, path } = recordedUrl === null ? { host: null, path: null } : urlParts(recordedUrl);
  const model = isRecord(payload) ? nonEmpty(payload.model) : null;
  return {
    method: typeof method === "string" ? method : null,
    url: recordedUrl,
    endpoint: path,
    host,
    messages: [],
    tools: [],
    params: omitKeys(payload, ["model"]),
    body: payload ?? null,
    model: model ?? urlModel(path),
  };
}

/**
 * The call as a generic exchange. `failedFamily` names the decoder that claimed the call but could
 * not read it (the pipeline then falls back here), else null.
 */
export function decodeUnclaimedHttp(envelope: Envelope, failedFamily: Family | null = null): Exchange {
  const { model, ...request } = requestInfo(envelope);
  const { body, headers, status: recordedStatus, is_streaming: streaming } = envelope.response;
  const status = recordedStatus ?? null;
  const method = request.method ?? "?";
  const url = request.url ?? "(no URL)";
  const notes = [
    failedFamily === null
      ? unclaimedReason({
          method,
          url,
          host: request.host,
          path: request.endpoint,
          payload: request.body,
          body,
        })
      : `${method} ${shortUrl(url)}: the ${failedFamily} decoder could not read this call; it is shown as recorded`,
  ];
  const note = bodyNote(body);
  if (note !== null) notes.push(note);
  const contentType = (headers?.["content-type"]?.[0] ?? "").toLowerCase();
  const response: ResponseInfo =
    status !== null && status >= 400
      ? { type: "error", error: errorFromBody(body ?? null, status) }
      : {
          type: "result",
          streaming: streaming ?? false,
          status,
          text: typeof body === "string" ? body : null,
          value: readableBody(body ?? null, contentType),
        };
  return {
    family: "generic",
    kind: "http",
    provider: "unknown",
    providerDetail: request.host,
    model,
    testId: testIdOf(envelope),
    responseType: null,
    request,
    response,
    notes,
  };
}
