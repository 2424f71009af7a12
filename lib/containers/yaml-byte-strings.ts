import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE } from "js-yaml";
import type { ReadLimits } from "@/lib/model/limits";

/**
 * Some Go YAML emitters write a string that is not UTF-8 (a JPEG download in a go-vcr cassette)
 * double-quoted, with `\xNN` escapes for its invalid bytes and its valid UTF-8 characters as they
 * are. YAML reads `\xNN` as the character U+00NN, so once loaded the bytes can no longer be told
 * from text (`\xe9` and a literal `é` load alike). This reads such scalars again from the source
 * and decodes their escapes as bytes.
 */

/** An escape of a byte that is not ASCII: the mark of a byte string. */
const HIGH_BYTE_ESCAPE = /\\x[89a-fA-F][0-9a-fA-F]/;

const SINGLE_BYTE_ESCAPES = new Map<string, number>([
  ["0", 0x00],
  ["a", 0x07],
  ["b", 0x08],
  ["t", 0x09],
  ["\t", 0x09],
  ["n", 0x0a],
  ["v", 0x0b],
  ["f", 0x0c],
  ["r", 0x0d],
  ["e", 0x1b],
  [" ", 0x20],
  ['"', 0x22],
  ["/", 0x2f],
  ["\\", 0x5c],
]);

const CHARACTER_ESCAPES = new Map<string, number>([
  ["N", 0x85],
  ["_", 0xa0],
  ["L", 0x2028],
  ["P", 0x2029],
]);

const HEX_WIDTH = new Map<string, number>([
  ["x", 2],
  ["u", 4],
  ["U", 8],
]);

function pushUtf8(out: number[], codePoint: number): void {
  if (codePoint < 0x80) out.push(codePoint);
  else if (codePoint < 0x800) out.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
  else if (codePoint < 0x10000) {
    out.push(0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
  } else {
    out.push(
      0xf0 | (codePoint >> 18),
      0x80 | ((codePoint >> 12) & 0x3f),
      0x80 | ((codePoint >> 6) & 0x3f),
      0x80 | (codePoint & 0x3f),
    );
  }
}

/**
 * The bytes of a double-quoted scalar's source (without its quotes): `\xNN` is the byte NN, every
 * other character and escape its UTF-8. Null when it holds no byte escape above 0x7f, or when it
 * spans lines (folding is not undone here; such a body stays text).
 */
export function doubleQuotedBytes(raw: string): Uint8Array | null {
  const out: number[] = [];
  let hasByte = false;
  let i = 0;
  while (i < raw.length) {
    const code = raw.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return null;
    if (code !== 0x5c) {
      const codePoint = raw.codePointAt(i) ?? code;
      pushUtf8(out, codePoint);
      i += codePoint > 0xffff ? 2 : 1;
      continue;
    }
    const escape = raw.charAt(i + 1);
    const single = SINGLE_BYTE_ESCAPES.get(escape);
    const character = CHARACTER_ESCAPES.get(escape);
    const width = HEX_WIDTH.get(escape);
    if (single !== undefined) {
      out.push(single);
      i += 2;
    } else if (character !== undefined) {
      pushUtf8(out, character);
      i += 2;
    } else if (width !== undefined) {
      const hex = raw.slice(i + 2, i + 2 + width);
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) return null;
      const value = parseInt(hex, 16);
      if (escape === "x") {
        out.push(value);
        hasByte ||= value >= 0x80;
      } else {
        pushUtf8(out, value);
      }
      i += 2 + width;
    } else {
      return null;
    }
  }
  return hasByte ? Uint8Array.from(out) : null;
}

/**
 * Every double-quoted scalar of `text` that holds bytes, by its loaded value: the loaded string →
 * its bytes. Costs one regex scan when the file has no byte escape (almost every file).
 */
export function escapedByteStrings(text: string, limits: ReadLimits): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
  // `includes` first: far cheaper than the pattern over a file that has no escape at all.
  if (!text.includes("\\x") || !HIGH_BYTE_ESCAPE.test(text)) return found;
  let events;
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
  } catch {
    // `loadYaml` read the same text; a failure here only means no bytes are recovered.
    return found;
  }
  for (const event of events) {
    if (event.type !== EVENT_ID.SCALAR || event.style !== SCALAR_STYLE.DOUBLE_QUOTED) continue;
    const raw = text.slice(event.valueStart, event.valueEnd);
    if (!HIGH_BYTE_ESCAPE.test(raw)) continue;
    const bytes = doubleQuotedBytes(raw);
    if (bytes) found.set(getScalarValue(text, event), bytes);
  }
  return found;
}
