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
  /** The data parsed as JSON, once asked (`sseEventJson`). */
  json?: { ok: true; value: unknown } | { ok: false; error: unknown };
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
 * SSE texts parsed while someone keeps them (see `keepParsedStreams`): a review decodes a
 * cassette's streams, then lays the same bodies out for the diff, and a stream's events are most
 * of a cassette. Keyed by the text itself: the diff reads the string the decoder read, so a
 * lookup compares it with itself.
 */
let kept: Map<string, readonly SseTextEvent[]> | null = null;
let keepers = 0;
/** Past this many characters of kept texts, the memo starts over. */
const KEPT_CHARACTERS = 32 * 1024 * 1024;
let keptCharacters = 0;

/**
 * Keeps every SSE text parsed from now on, with its events and their JSON, until the returned
 * function is called (by every caller that asked) or `forgetParsedStreams` empties the memo.
 */
export function keepParsedStreams(): () => void {
  keepers++;
  kept ??= new Map();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--keepers === 0) {
      kept = null;
      keptCharacters = 0;
    }
  };
}

/** Empties the memo of `keepParsedStreams` (a reader done with some files). */
export function forgetParsedStreams(): void {
  kept?.clear();
  keptCharacters = 0;
}

/**
 * The events of an SSE text, in order (the first `max` of them when given). Events without a `data:` line are not events (the
 * standard drops them); a last event not closed by a blank line still counts (recorders may cut
 * the final newline). The list is shared with other readers of the same text: not to be changed.
 */
export function sseTextEvents(text: string, max = Infinity): readonly SseTextEvent[] {
  const known = max === Infinity ? kept?.get(text) : undefined;
  if (known) return known;
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
  if (max !== Infinity) return events.length > max ? events.slice(0, max) : events;
  if (kept) {
    if (keptCharacters + text.length > KEPT_CHARACTERS) forgetParsedStreams();
    kept.set(text, events);
    keptCharacters += text.length;
  }
  return events;
}

/** An event's data parsed as JSON (within the depth bound), or why it is not JSON; parsed once however many readers ask. */
export function sseEventJson(
  event: SseTextEvent,
): { ok: true; value: unknown } | { ok: false; error: unknown } {
  if (!event.json) {
    try {
      event.json = { ok: true, value: parseBoundedJson(event.data) };
    } catch (error) {
      event.json = { ok: false, error };
    }
  }
  return event.json;
}

function notJson(error: unknown, path: string): SchemaMismatch {
  const detail = error instanceof Error ? error.message : String(error);
  return new SchemaMismatch(path, `the data of this event is not valid JSON (${detail})`);
}

/** An event's data parsed as JSON; invalid JSON throws `SchemaMismatch` at `path` (e.g. `response.body (event 3)`). */
export function sseDataJson(data: string, path: string): unknown {
  try {
    return parseBoundedJson(data);
  } catch (error) {
    throw notJson(error, path);
  }
}

/** `sseDataJson` of a parsed event, its JSON shared with other readers of the event (see `sseEventJson`). */
export function sseEventData(event: SseTextEvent, path: string): unknown {
  const parsed = sseEventJson(event);
  if (parsed.ok) return parsed.value;
  throw notJson(parsed.error, path);
}

/** The distinct `event:` names in order of first use (for notes about streams nobody decodes). */
export function sseTextEventNames(events: readonly SseTextEvent[]): string[] {
  return [...new Set(events.flatMap((event) => (event.event === null ? [] : [event.event])))];
}
