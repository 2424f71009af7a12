import { headerMap, headerValue } from "@/lib/containers/http-body";
import type { HeaderMap } from "@/lib/model/envelope";
import { parseBoundedJson } from "@/lib/model/json-depth";
import type { Interaction, RecordingFormat } from "@/lib/model/recording-file";
import { sseEventJson, sseTextEvents, type SseTextEvent } from "@/lib/providers/sse-text";

/**
 * One cassette interaction laid out for the diff: the interaction as recorded (so a changed field
 * is reported where it is in the file), with its headers as `{lower-case name: [values]}` (HAR's
 * list of `{name, value}` would shift on an inserted header) and its bodies decoded in place (a
 * JSON body as JSON, an SSE or NDJSON stream as its events), so ids and times inside a body meet
 * the noise rules one by one.
 */
export interface ComparableInteraction {
  doc: Record<string, unknown>;
  /** The bodies as recorded, by their path in `doc`, to report a change of encoding alone. */
  encodedBodies: Map<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A text that starts like a JSON object or array. */
function opensJson(data: string): boolean {
  const start = data.trimStart()[0];
  return start === "{" || start === "[";
}

/** A line's data as JSON when it is a JSON object or array (not too deep to walk). */
function dataValue(data: string): unknown {
  if (!opensJson(data)) return data;
  try {
    return parseBoundedJson(data);
  } catch {
    return data;
  }
}

/** An SSE event's data as JSON when it is a JSON object or array (parsed once, with the decoder). */
function eventValue(event: SseTextEvent): unknown {
  if (!opensJson(event.data)) return event.data;
  const parsed = sseEventJson(event);
  return parsed.ok ? parsed.value : event.data;
}

/** A decoded body in the form the diff walks: streams as their events, everything else as is. */
export function comparableBody(body: unknown, headers: HeaderMap): unknown {
  if (typeof body !== "string") return body;
  const type = (headerValue(headers, "content-type") ?? "").toLowerCase();
  const trimmed = body.trimStart();
  if (type.includes("event-stream") || /^(data|event|id):/.test(trimmed)) {
    const events = sseTextEvents(body);
    if (events.length > 0) {
      return {
        $sse: events.map((event) =>
          event.event === null
            ? { data: eventValue(event) }
            : { event: event.event, data: eventValue(event) },
        ),
      };
    }
  }
  if (type.includes("ndjson") || (trimmed.startsWith("{") && trimmed.includes("}\n{"))) {
    const lines = body.split("\n").filter((line) => line.trim() !== "");
    const values = lines.map(dataValue);
    if (values.every((value) => typeof value !== "string")) return { $ndjson: values };
  }
  return body;
}

/** Where each recorder keeps the request and response bodies inside an interaction. */
type BodyPlace = readonly string[];
const BODY_PLACES: Partial<Record<RecordingFormat, { request: BodyPlace[]; response: BodyPlace[] }>> = {
  vcrpy: { request: [["parsed_body"], ["body"]], response: [["parsed_body"], ["body", "string"], ["body"]] },
  langchain: {
    request: [["parsed_body"], ["body"]],
    response: [["parsed_body"], ["body", "string"], ["body"]],
  },
  "go-vcr": { request: [["body"]], response: [["body"]] },
  "ruby-vcr": {
    request: [
      ["body", "base64_string"],
      ["body", "string"],
    ],
    response: [
      ["body", "base64_string"],
      ["body", "string"],
    ],
  },
  har: { request: [["postData", "text"]], response: [["content", "text"]] },
};

/** Copies the objects along `place` under `root` and sets the last key; false when the place is not there. */
function setAt(root: Record<string, unknown>, place: BodyPlace, value: unknown): unknown {
  let node = root;
  for (let i = 0; i < place.length - 1; i++) {
    const key = place[i] ?? "";
    const child = node[key];
    if (!isRecord(child)) return undefined;
    const copy = { ...child };
    node[key] = copy;
    node = copy;
  }
  const last = place[place.length - 1] ?? "";
  if (!(last in node)) return undefined;
  const recorded = node[last];
  // A `{string: ...}` wrapper is not itself the body: its `string` is.
  if (place.length === 1 && isRecord(recorded) && ("string" in recorded || "base64_string" in recorded)) {
    return undefined;
  }
  node[last] = value;
  return recorded === undefined ? null : recorded;
}

function placeBody(
  part: Record<string, unknown>,
  places: readonly BodyPlace[],
  body: unknown,
  prefix: string,
  encoded: Map<string, unknown>,
): void {
  for (const place of places) {
    const recorded = setAt(part, place, body);
    if (recorded !== undefined) {
      encoded.set([prefix, ...place].join("."), recorded);
      return;
    }
  }
}

/** The interaction of a cassette laid out for the diff (see `ComparableInteraction`). */
export function comparableInteraction(
  format: RecordingFormat,
  interaction: Interaction,
): ComparableInteraction {
  const encodedBodies = new Map<string, unknown>();
  const { envelope, http } = interaction;
  const requestHeaders = headerMap(http?.requestHeaders ?? []);
  const responseHeaders = headerMap(http?.responseHeaders ?? []);
  const requestBody = comparableBody(envelope?.request.payload ?? null, requestHeaders);
  const responseBody = comparableBody(envelope?.response.body ?? null, responseHeaders);
  const places = BODY_PLACES[format];
  const raw = interaction.raw;
  if (!places || !isRecord(raw) || !isRecord(raw.request) || !isRecord(raw.response)) {
    // httprr keeps raw HTTP text: its parts, read, stand for it.
    return {
      doc: {
        request: {
          method: http?.method ?? null,
          url: http?.url ?? null,
          headers: requestHeaders,
          body: requestBody,
        },
        response: { status: http?.status ?? null, headers: responseHeaders, body: responseBody },
      },
      encodedBodies,
    };
  }
  const request: Record<string, unknown> = { ...raw.request, headers: requestHeaders };
  const response: Record<string, unknown> = { ...raw.response, headers: responseHeaders };
  placeBody(request, places.request, requestBody, "request", encodedBodies);
  placeBody(response, places.response, responseBody, "response", encodedBodies);
  return { doc: { ...raw, request, response }, encodedBodies };
}
