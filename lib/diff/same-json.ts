/** Past this depth the walk hands over to `JSON.stringify` (which also says what a cycle does: throw). */
const MAX_WALK_DEPTH = 512;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !("toJSON" in value);
}

/** Whether a property is left out of JSON (`undefined`, a function, a symbol). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function stringifiedEqual(x: unknown, y: unknown): boolean {
  try {
    return JSON.stringify(x) === JSON.stringify(y);
  } catch {
    return false;
  }
}

function bytesEqual(x: Uint8Array, y: Uint8Array): boolean {
  return x.length === y.length && Buffer.compare(x, y) === 0;
}

function walk(x: unknown, y: unknown, depth: number): boolean {
  // The same primitive writes the same text; a BigInt cannot be written (nor can a cycle under one object).
  if (x === y) return typeof x === "object" && x !== null ? stringifiedEqual(x, y) : typeof x !== "bigint";
  // Two different strings, booleans or finite numbers write different texts (NaN and Infinity write null).
  if (typeof x === "string" && typeof y === "string") return false;
  if (typeof x === "boolean" && typeof y === "boolean") return false;
  if (typeof x === "number" && typeof y === "number") return !Number.isFinite(x) && !Number.isFinite(y);
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null || depth > MAX_WALK_DEPTH) {
    return stringifiedEqual(x, y);
  }
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return false;
    // In an array, what JSON leaves out of an object is written as null.
    for (let i = 0; i < x.length; i++) {
      const a: unknown = skipped(x[i]) ? null : x[i];
      const b: unknown = skipped(y[i]) ? null : y[i];
      if (!walk(a, b, depth + 1)) return false;
    }
    return true;
  }
  if (x instanceof Uint8Array && y instanceof Uint8Array && x.constructor === y.constructor) {
    return bytesEqual(x, y);
  }
  if (Array.isArray(x) || Array.isArray(y) || !isPlainObject(x) || !isPlainObject(y)) {
    return stringifiedEqual(x, y);
  }
  // Key order counts, as it does in the JSON text.
  const xKeys = Object.keys(x).filter((key) => !skipped(x[key]));
  const yKeys = Object.keys(y).filter((key) => !skipped(y[key]));
  if (xKeys.length !== yKeys.length) return false;
  for (let i = 0; i < xKeys.length; i++) {
    const key = xKeys[i] ?? "";
    if (key !== yKeys[i] || !walk(x[key], y[key], depth + 1)) return false;
  }
  return true;
}

/**
 * Whether two values have the same JSON text (`JSON.stringify(x) === JSON.stringify(y)`, false
 * when either cannot be written), found by walking both and stopping at the first difference:
 * two re-recorded interactions differ early, and writing both out (megabytes each) to learn it
 * was most of the cost.
 */
export function sameJson(x: unknown, y: unknown): boolean {
  return walk(x, y, 0);
}
