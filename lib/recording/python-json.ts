import { isLosslessNumber } from "lossless-json";

/**
 * `json.dumps(value, sort_keys=True)` as Python writes it (separators `", "` and `": "`,
 * `ensure_ascii`), over a value parsed with lossless-json so numbers keep their recorded text
 * (`0.0` stays `0.0`). This is the canonical form the recorder hashes to name files.
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (isLosslessNumber(value)) return value.value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (typeof value === "string") return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => compareCodePoints(a, b));
    return `{${entries.map(([key, entry]) => `${pythonString(key)}: ${pythonJsonDumps(entry)}`).join(", ")}}`;
  }
  return "null";
}

/** Python sorts keys by code point; JavaScript's `<` compares UTF-16 units (differs past U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return x.length - y.length;
}

function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  // Python's repr switches to an exponent below 1e-4 (JavaScript only below 1e-6), and writes
  // it with at least two digits: 1e-05, 1.5e+300 (JavaScript: 0.00001, 1.5e+300).
  const [mantissa = "", exponent = "0"] = value.toExponential().split("e");
  const exp = Number(exponent);
  if (exp >= -4 && exp < 16) return String(value);
  return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

function pythonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + '"';
}
