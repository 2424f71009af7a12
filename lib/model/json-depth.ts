/**
 * JSON nested deeper than this is refused before parsing. `JSON.parse` itself copes, but what
 * comes after does not: zod, React rendering and `JSON.stringify` recurse and overflow the stack
 * (100,000 levels is a RangeError). Real recordings stay under 20 levels.
 */
export const MAX_JSON_DEPTH = 256;

/** True when arrays and objects nest deeper than `limit` (strings skipped); linear, no recursion. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Jump to the closing quote: one not preceded by an odd run of back-slashes.
      for (let from = i + 1; ;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return false;
        let slashes = 0;
        while (text.charCodeAt(quote - 1 - slashes) === 0x5c) slashes++;
        from = quote + 1;
        if (slashes % 2 === 0) {
          i = quote;
          break;
        }
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * `JSON.parse` for JSON found inside a recording (tool call arguments, SSE event data, bodies
 * recorded as text): too deep a value throws a `SyntaxError` like any other bad JSON, so callers
 * that already handle bad JSON need no change.
 */
export function parseBoundedJson(text: string): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new SyntaxError(`JSON nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
  return JSON.parse(text);
}
