import { looksLikeSse, sseEvents, sseJson } from "./sse-events";
import { looksLikeSseText, sseDataJson, sseEventData, sseTextEvents, type SseTextEvent } from "./sse-text";

/**
 * Server-sent events in either form a recording keeps them: llama-stack's list of lines, or an
 * HTTP cassette's text. A stream decoder reads these, so one decoder serves both recorders.
 */
export interface SseBodyEvent {
  /** The `event:` name, or null when the event has none. */
  event: string | null;
  /** The `data:` lines joined, or null when the event has no data line (lines only). */
  data: string | null;
  /** Where the event is in the file: `response.body[4]` (its data line), `response.body (event 3)`. */
  at: string;
  /** The event of an SSE text it is (whose JSON other readers share); null for lines. */
  text: SseTextEvent | null;
}

/** True when `body` is SSE lines or SSE text. */
export function isSseBody(body: unknown): boolean {
  return looksLikeSse(body) || looksLikeSseText(body);
}

/** The events of an SSE body found at `path`; a malformed line throws `SchemaMismatch`. */
export function sseBodyEvents(body: readonly unknown[] | string, path: string): SseBodyEvent[] {
  if (typeof body === "string") {
    return sseTextEvents(body).map((event, index) => ({
      event: event.event,
      data: event.data,
      at: `${path} (event ${index})`,
      text: event,
    }));
  }
  return sseEvents(body, path).map((event) => ({
    event: event.event,
    data: event.data,
    at: `${path}[${event.line}]`,
    text: null,
  }));
}

/** The event's data as JSON (null without data); invalid JSON throws `SchemaMismatch` at `event.at`. */
export function sseBodyJson(event: SseBodyEvent): unknown {
  if (event.data === null) return null;
  return event.text ? sseEventData(event.text, event.at) : sseDataJson(event.data, event.at);
}

/** The first `max` events' JSON data (unparsable ones skipped): what a claim looks at. */
export function firstSseObjects(body: readonly unknown[] | string, max: number): unknown[] {
  const out: unknown[] = [];
  if (typeof body === "string") {
    for (const event of sseTextEvents(body, max)) {
      try {
        out.push(JSON.parse(event.data));
      } catch {
        // Not JSON ([DONE], a comment-like payload): nothing to look at.
      }
    }
    return out;
  }
  try {
    for (const event of sseEvents(body, "response.body").slice(0, max)) {
      if (event.data === null) continue;
      try {
        out.push(sseJson(event, "response.body"));
      } catch {
        // As above.
      }
    }
  } catch {
    // A malformed line: no claim from here.
  }
  return out;
}
