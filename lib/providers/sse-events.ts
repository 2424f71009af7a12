import { SchemaMismatch } from "./decoder";
import { parseBoundedJson } from "@/lib/model/json-depth";

/**
 * Server-sent events as the raw-HTTP recorder stores them: the response body is the list of
 * lines (`event: ...`, `data: {...}`, `""`), one blank line closing each event.
 */
export interface SseEvent {
  /** The `event:` name, or null when the event has none. */
  event: string | null;
  /** The `data:` lines joined with newlines, or null when the event has no data line. */
  data: string | null;
  /** Index in the body of the first data line (of the first line when there is no data). */
  line: number;
}

/** True when `line` is an SSE field line or comment that a stream of events would contain. */
function isSseLine(line: string): boolean {
  return (
    line === "" ||
    line.startsWith("data:") ||
    line.startsWith("event:") ||
    line.startsWith(":") ||
    line.startsWith("id:") ||
    line.startsWith("retry:")
  );
}

/** True when every entry of `body` is a string and they look like server-sent-event lines. */
export function looksLikeSse(body: unknown): body is string[] {
  if (!Array.isArray(body) || body.length === 0) return false;
  let sawData = false;
  for (const line of body) {
    if (typeof line !== "string" || !isSseLine(line)) return false;
    if (!sawData && line.startsWith("data:")) sawData = true;
  }
  return sawData;
}

/** The value of a field line (`data: x` → `x`): the text after the colon, one leading space removed. */
function fieldValue(line: string, colon: number): string {
  return line.charCodeAt(colon + 1) === 32 ? line.slice(colon + 2) : line.slice(colon + 1);
}

/**
 * Groups SSE lines into events. `path` names the body in the file (`response.body`); a line that
 * is not an SSE line throws `SchemaMismatch` naming it.
 */
export function sseEvents(lines: readonly unknown[], path: string): SseEvent[] {
  const events: SseEvent[] = [];
  let event: string | null = null;
  let data: string[] = [];
  let first = -1;
  let dataLine = -1;
  const flush = () => {
    if (first !== -1)
      events.push({
        event,
        data: data.length > 0 ? data.join("\n") : null,
        line: dataLine === -1 ? first : dataLine,
      });
    event = null;
    data = [];
    first = -1;
    dataLine = -1;
  };
  lines.forEach((line, i) => {
    if (typeof line !== "string")
      throw new SchemaMismatch(`${path}[${i}]`, "expected a string (an SSE line)");
    if (line === "") {
      flush();
      return;
    }
    if (line.startsWith(":")) return; // comment
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : fieldValue(line, colon);
    if (first === -1) first = i;
    if (field === "event") event = value;
    else if (field === "data") {
      if (dataLine === -1) dataLine = i;
      data.push(value);
    } else if (field !== "id" && field !== "retry") {
      throw new SchemaMismatch(
        `${path}[${i}]`,
        `not a server-sent-event line: ${JSON.stringify(line.slice(0, 40))}`,
      );
    }
  });
  flush();
  return events;
}

/** The event's data parsed as JSON; invalid JSON throws `SchemaMismatch` naming the data line. */
export function sseJson(event: SseEvent, path: string): unknown {
  if (event.data === null) return null;
  try {
    return parseBoundedJson(event.data);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SchemaMismatch(
      `${path}[${event.line}]`,
      `the data of this event is not valid JSON (${detail})`,
    );
  }
}

/** The names of the `event:` lines, in order of first use. */
export function sseEventNames(lines: readonly string[]): string[] {
  const names = new Set<string>();
  for (const line of lines) if (line.startsWith("event:")) names.add(line.slice(6).trim());
  return [...names];
}
