import { createParser } from "eventsource-parser";
import { parseBoundedJson } from "@/lib/model/json-depth";
import { SchemaMismatch } from "./decoder";

/**
 * Server-sent events kept as one text body, as HTTP cassettes store them
 * (`event: x\ndata: {...}\n\n...`). llama-stack's list-of-lines form is `sse-events.ts`.
 */
export interface SseTextEvent {
  /** The `event:` name, or null when the event has none. */
  event: string | null;
  /** The `data:` lines joined with newlines. */
  data: string;
  /** The `id:` field, or null. */
  id: string | null;
}

/** The field names an SSE line may start with (a bare `:` starts a comment). */
const FIELD_START = /^(?:data|event|id|retry)?:/;

/**
 * True when `body` is a string whose first non-blank line is an SSE field or comment and that has
 * a `data:` line somewhere: cheap enough for `claims()`.
 */
export function looksLikeSseText(body: unknown): body is string {
  if (typeof body !== "string") return false;
  const start = body.search(/\S/);
  if (start === -1 || !FIELD_START.test(body.slice(start, start + 7))) return false;
  return body.startsWith("data:", start) || body.includes("\ndata:");
}

const SLICE = 8192;

/**
 * The events of an SSE text, in order (the first `max` of them when given). Events without a `data:` line are not events (the
 * standard drops them); a last event not closed by a blank line still counts (recorders may cut
 * the final newline).
 */
export function sseTextEvents(text: string, max = Infinity): SseTextEvent[] {
  const events: SseTextEvent[] = [];
  const parser = createParser({
    onEvent: (message) => {
      events.push({ event: message.event ?? null, data: message.data, id: message.id ?? null });
    },
  });
  if (max === Infinity) parser.feed(text);
  else {
    // Only the first few events are wanted (a claim's look): feed slices until they are in.
    for (let at = 0; at < text.length && events.length < max; at += SLICE)
      parser.feed(text.slice(at, at + SLICE));
  }
  // Closes a last event the text left open; blank lines after a closed one add nothing.
  parser.feed("\n\n");
  return events.length > max ? events.slice(0, max) : events;
}

/** An event's data parsed as JSON; invalid JSON throws `SchemaMismatch` at `path` (e.g. `response.body (event 3)`). */
export function sseDataJson(data: string, path: string): unknown {
  try {
    return parseBoundedJson(data);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SchemaMismatch(path, `the data of this event is not valid JSON (${detail})`);
  }
}

/** The distinct `event:` names in order of first use (for notes about streams nobody decodes). */
export function sseTextEventNames(events: readonly SseTextEvent[]): string[] {
  return [...new Set(events.flatMap((event) => (event.event === null ? [] : [event.event])))];
}
