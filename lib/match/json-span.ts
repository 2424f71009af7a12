/** Where a top-level value sits in a JSON text: `text.slice(start, end)` is the value's text. */
export interface JsonSpan {
  start: number;
  end: number;
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && SPACE.has(text.charCodeAt(i))) i++;
  return i;
}

/** The index just past the string that opens at `at` (a `"`), or -1. */
function skipString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) i++;
    else if (code === 0x22) return i + 1;
  }
  return -1;
}

/** The index just past the value that starts at `at`, or -1 when the text ends first. */
function skipValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === 0x22) return skipString(text, at);
  if (first !== 0x7b && first !== 0x5b) {
    // A number or a literal: up to the next delimiter.
    let i = at;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 0x2c || code === 0x7d || code === 0x5d || SPACE.has(code)) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      i = skipString(text, i) - 1;
      if (i < 0) return -1;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The text spans of some top-level keys of a JSON object, found by scanning rather than parsing:
 * a recording's request is a few KB at the top of a file whose response can be megabytes, and
 * this reads only up to the last key asked for. Returns null when the text is not an object of
 * that shape (the caller then parses it whole). The spans are not validated JSON.
 */
export function topLevelSpans(text: string, keys: readonly string[]): Map<string, JsonSpan> | null {
  const wanted = new Set(keys);
  const found = new Map<string, JsonSpan>();
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text.charCodeAt(i) !== 0x7b) return null;
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === 0x7d) return found;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 0x22) return null;
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return null;
    let key: unknown;
    try {
      key = JSON.parse(text.slice(i, keyEnd));
    } catch {
      return null;
    }
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== 0x3a) return null;
    i = skipSpace(text, i + 1);
    const end = skipValue(text, i);
    if (end < 0 || end === i) return null;
    if (typeof key === "string" && wanted.has(key) && !found.has(key)) {
      found.set(key, { start: i, end });
      if (found.size === wanted.size) return found;
    }
    i = skipSpace(text, end);
    const next = text.charCodeAt(i);
    if (next === 0x7d) return found;
    if (next !== 0x2c) return null;
    i = skipSpace(text, i + 1);
  }
  return null;
}
