/**
 * JSON nested deeper than this is refused before parsing. `JSON.parse` itself copes, but what
 * comes after does not: zod, React rendering and `JSON.stringify` recurse and overflow the stack
 * (100,000 levels is a RangeError). Real recordings stay under 20 levels.
 */
export const MAX_JSON_DEPTH = 256;

/** The characters that matter to nesting: quotes (strings are skipped) and brackets. */
const STRUCTURAL = /["[\]{}]/g;

/**
 * True when arrays and objects nest deeper than `limit` (strings skipped); linear, no recursion.
 * A regular expression jumps from one structural character to the next, so the text between
 * (most of a recording: string contents, numbers) is scanned by the engine, not char by char here.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  STRUCTURAL.lastIndex = 0;
  for (let match = STRUCTURAL.exec(text); match !== null; match = STRUCTURAL.exec(text)) {
    const c = text.charCodeAt(match.index);
    if (c === 0x22) {
      // Jump to the closing quote: one not preceded by an odd run of back-slashes.
      for (let from = match.index + 1; ;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return false;
        let slashes = 0;
        while (text.charCodeAt(quote - 1 - slashes) === 0x5c) slashes++;
        from = quote + 1;
        if (slashes % 2 === 0) {
          STRUCTURAL.lastIndex = from;
          break;
        }
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else {
      depth--;
    }
  }
  return false;
}

/** Limits up to which `valueDeeperThan` recurses: each level is one frame, far from the stack's end. */
const RECURSION_LIMIT = 2048;

/** An array or an object, typed for a plain property read. */
function isContainer(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null;
}

/** True when `value` holds arrays or objects more than `left` levels below it. */
function nestedDeeper(value: { readonly [key: string]: unknown }, left: number): boolean {
  if (left < 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (isContainer(child) && nestedDeeper(child, left - 1)) return true;
    }
    return false;
  }
  // `for…in` walks the keys without building an array of values for every object; a plain
  // property read (not `Reflect.get`) keeps the walk at two thirds of the time.
  for (const key in value) {
    const child = value[key];
    if (isContainer(child) && nestedDeeper(child, left - 1)) return true;
  }
  return false;
}

/** The same walk with a stack of its own, for a limit too high to recurse to. */
function walkDeeperThan(value: object, limit: number): boolean {
  const values: object[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop() ?? 0;
    if (depth > limit) return true;
    const children: unknown[] = Array.isArray(current) ? current : Object.values(current ?? {});
    for (const child of children) {
      if (typeof child === "object" && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/**
 * True when arrays and objects nest deeper than `limit` in a parsed value. V8's `JSON.parse` does
 * not recurse, so parsing first and walking the result costs a fraction of scanning the text: only
 * objects and arrays are visited, never the characters of strings. The walk recurses (a third of
 * the time of an explicit stack, by a CPU profile of decoding the corpus), which is safe because
 * it stops one level past `limit`.
 */
export function valueDeeperThan(value: unknown, limit: number): boolean {
  if (!isContainer(value)) return false;
  return limit <= RECURSION_LIMIT ? nestedDeeper(value, limit - 1) : walkDeeperThan(value, limit);
}

/**
 * Whether JSON `text` (valid: it parsed) is long enough to nest deeper than `limit`: that takes
 * `limit + 1` opening brackets and as many closing ones. Most JSON inside a recording (an SSE
 * event, a tool call's arguments) is shorter, and its parsed value need not be walked.
 */
export function mayNestDeeperThan(text: string, limit: number): boolean {
  return text.length >= 2 * (limit + 1);
}

/**
 * `JSON.parse` for JSON found inside a recording (tool call arguments, SSE event data, bodies
 * recorded as text): too deep a value throws a `SyntaxError` like any other bad JSON, so callers
 * that already handle bad JSON need no change.
 */
export function parseBoundedJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (mayNestDeeperThan(text, MAX_JSON_DEPTH) && valueDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new SyntaxError(`JSON nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
  return value;
}
