import { isWrapped, type Envelope } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import type { Decoder } from "./decoder";
import { decodeUnclaimedHttp } from "./generic-http";
import { DECODERS } from "./registry";
import { nonEmpty, testIdOf } from "./openai-request";
import { summarizeRequest, type RequestSummary } from "./request-summary";
import { looksLikeSse, sseEventNames } from "./sse-events";

/**
 * The fallback: claims anything no decoder claimed. The response is kept as recorded; the request
 * is read for what it says (kind, provider, model, conversation); a note says why no decoder matched.
 * Calls of HTTP cassettes have their own fallback (`generic-http.ts`).
 */

function describeList(items: string[], max = 3): string {
  const shown = items.slice(0, max).map((item) => JSON.stringify(item));
  return items.length > max ? `${shown.join(", ")} and ${items.length - max} more` : shown.join(", ");
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (isWrapped(value)) return "wrapped object";
  if (typeof value === "object") return "plain object";
  return typeof value;
}

/** Why no decoder took a response body. */
export function whyUnclaimed(envelope: Envelope): string {
  const body = envelope.response.body;
  if (isWrapped(body)) return `unknown __type__ "${body.__type__}" (no decoder for this class)`;
  if (body === null || body === undefined) {
    return `response body is ${body === null ? "null" : "missing"} and the response is not marked as an exception`;
  }
  if (typeof body === "number") return "response body is a number";
  if (typeof body === "boolean") return "response body is a boolean";
  if (typeof body === "string") return "response body is a string, not JSON of a known API";
  if (!Array.isArray(body)) {
    const keys = Object.keys(body);
    const shown = keys.length === 0 ? "no keys" : `keys ${describeList(keys, 5)}`;
    return `response body is a plain object (${shown}) that no decoder recognises`;
  }
  if (body.length === 0) return "response body is an empty list";
  if (body.every((item) => typeof item === "string")) {
    if (looksLikeSse(body)) {
      const names = sseEventNames(body);
      const events = names.length > 0 ? ` (events: ${names.join(", ")})` : "";
      return `response body is server-sent events of an API no decoder knows${events}`;
    }
    return "response body is a list of strings that are not server-sent events of a known API";
  }
  if (body.every(isWrapped)) {
    const types = [...new Set(body.map((item) => (isWrapped(item) ? item.__type__ : "")))];
    const these = types.length === 1 ? "this class" : "these classes";
    return `unknown __type__ ${describeList(types)} in a list of ${body.length} (no decoder for ${these})`;
  }
  const kinds = [...new Set(body.map(typeOf))];
  return `response body is a list of ${body.length} items (${kinds.join(", ")}) that no decoder recognises`;
}

function safeSummary(envelope: Envelope): RequestSummary {
  try {
    return summarizeRequest(envelope);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: "http",
      provider: "unknown",
      providerDetail: null,
      model: nonEmpty(envelope.request.model),
      testId: testIdOf(envelope),
      request: {
        method: null,
        url: null,
        endpoint: null,
        host: null,
        messages: [],
        tools: [],
        params: {},
        body: envelope.request,
      },
      notes: [`the request could not be read (${message})`],
    };
  }
}

export const genericDecoder: Decoder = {
  family: "generic",
  claims: () => true,
  decode(envelope: Envelope): Exchange {
    if (envelope.origin === "http") {
      // A decoder that claims the call but threw: the pipeline falls back here with its problem.
      const claimer = DECODERS.find((decoder) => decoder.claims(envelope));
      return decodeUnclaimedHttp(envelope, claimer?.family ?? null);
    }
    const summary = safeSummary(envelope);
    const body = envelope.response.body;
    const first = Array.isArray(body) ? body[0] : body;
    return {
      family: "generic",
      kind: summary.kind,
      provider: summary.provider,
      providerDetail: summary.providerDetail,
      model: summary.model,
      testId: summary.testId,
      responseType: isWrapped(first) ? first.__type__ : null,
      request: summary.request,
      response: { type: "unknown", value: body },
      notes: [whyUnclaimed(envelope), ...summary.notes],
    };
  },
};
