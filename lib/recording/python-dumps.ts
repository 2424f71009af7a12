import { isLosslessNumber } from "lossless-json";
import { pythonFloatRepr } from "./python-float";

/**
 * `json.dumps(value, sort_keys=True)` as Python writes it (separators `", "` and `": "`,
 * `ensure_ascii`), over a value parsed with lossless-json so numbers keep their recorded text:
 * the canonical form the recorder hashes to name files. Built for hashing thousands of
 * requests: strings go through the native `JSON.stringify` and one escape pass, and each object
 * is written once however many hash variants share it (`memo`).
 */
export function fastPythonDumps(value: unknown, memo: WeakMap<object, string> = new WeakMap()): string {
  if (value === null || value === undefined) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "string") return pythonString(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : pythonFloatRepr(value);
  if (typeof value !== "object") return "null";
  if (isLosslessNumber(value)) return value.value;
  const known = memo.get(value);
  if (known !== undefined) return known;
  let out: string;
  if (Array.isArray(value)) {
    out = `[${value.map((item) => fastPythonDumps(item, memo)).join(", ")}]`;
  } else {
    const entries = Object.entries(value);
    const byCodePoint = entries.some(([key]) => SURROGATE.test(key));
    entries.sort(([a], [b]) => (byCodePoint ? compareCodePoints(a, b) : a < b ? -1 : a > b ? 1 : 0));
    out = `{${entries.map(([key, item]) => `${pythonString(key)}: ${fastPythonDumps(item, memo)}`).join(", ")}}`;
  }
  memo.set(value, out);
  return out;
}

const SURROGATE = /[\ud800-\udfff]/;
const NON_ASCII = /[\u007f-\uffff]/g;

/** Python's `ensure_ascii` string: JSON.stringify's escapes, plus `\uXXXX` past `~`. */
function pythonString(text: string): string {
  const json = JSON.stringify(text);
  return json.replace(NON_ASCII, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Python sorts keys by code point; `sort()` compares UTF-16 units (they differ past U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return x.length - y.length;
}
