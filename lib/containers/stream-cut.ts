/**
 * A stream body kept as text (SSE, NDJSON) becomes one chunk per event in the providers, each an
 * object with its deltas and raw text: a million one-line events cost seconds and a gigabyte.
 * Only the first `max` events are handed on; the cut falls between two events.
 */

export interface StreamCut {
  /** The text up to the end of event `max`. */
  text: string;
  /** Events in the whole body. */
  total: number;
}

/** True when the line from `start` to `end` holds only white space. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * The first `max` events of `text`, or null when it holds no more than that. An NDJSON event is
 * a non-blank line; an SSE event is a run of non-blank lines ended by a blank one (or the end).
 */
export function cutStream(text: string, kind: "sse" | "ndjson", max: number): StreamCut | null {
  let total = 0;
  let cut = -1;
  let inEvent = false;
  for (let at = 0; at < text.length;) {
    const lf = text.indexOf("\n", at);
    const end = lf === -1 ? text.length : lf;
    const next = lf === -1 ? text.length : lf + 1;
    const blank = isBlank(text, at, end);
    if (kind === "ndjson") {
      if (!blank && ++total === max) cut = next;
    } else if (blank) {
      if (inEvent && ++total === max) cut = next;
      inEvent = false;
    } else {
      inEvent = true;
    }
    at = next;
  }
  if (inEvent) total++;
  return total > max && cut !== -1 ? { text: text.slice(0, cut), total } : null;
}
