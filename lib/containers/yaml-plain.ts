import {
  boolCoreTag,
  floatCoreTag,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  timestampTag,
  type ScalarTagDefinition,
} from "js-yaml";
import { FAILSAFE_SCHEMA, loadAll, Type } from "js-yaml-4";
import type { ReadLimits } from "@/lib/model/limits";
import { base64Bytes, isBase64Text } from "./yaml-base64";

/**
 * The fast reader of plain YAML. js-yaml 5, the careful reader (`yaml.ts`), lists every parser
 * event before it builds anything: over the 353 cassettes a genai re-recording changes (13.5 MB)
 * that takes over four times as long as js-yaml 4 reading them directly (311 vs 71 ms). Almost
 * every cassette is plain: no anchor (so no alias), no merge key, no directive, no tag but the
 * binary ones. js-yaml 4 reads those, resolving plain scalars with js-yaml 5's own core tags (the
 * two versions disagree on `0b101`, `-0`); a file that is not plain, that nests deeper than half
 * the depth limit or that js-yaml 4 cannot read goes to the careful reader, which counts aliases,
 * bounds merge keys and says why a file cannot be read. `npm run corpus` checks that both read
 * every plain cassette of the corpus alike.
 */

/**
 * Whether a node may start right after this character: whitespace, a line break, a flow
 * indicator, or `:` (a flow mapping's JSON-like key may be followed by its value at once).
 */
function startsNodeAfter(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x5b ||
    code === 0x7b ||
    code === 0x2c ||
    code === 0x3a
  );
}

/** True when some `mark` in `text` stands where a node may start and `follows(at)` holds for what comes after it. */
function markAtNodeStart(text: string, mark: string, follows: (after: number) => boolean): boolean {
  for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) {
    if ((at === 0 || startsNodeAfter(text.charCodeAt(at - 1))) && follows(at + 1)) return true;
  }
  return false;
}

/** What follows `&` when it is an anchor: its name (anything but whitespace counts, to be safe). */
function anchorName(text: string, after: number): boolean {
  const code = text.charCodeAt(after);
  return !(code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || Number.isNaN(code));
}

/** What follows `!`: any tag but `!!binary` and Ruby's `!binary`, each followed by whitespace. */
function otherTag(text: string, after: number): boolean {
  for (const binary of ["!binary", "binary"]) {
    if (text.startsWith(binary, after) && /\s/.test(text.charAt(after + binary.length))) return false;
  }
  return true;
}

/** True when `text` may hold what only the careful reader reads (text that only looks like it counts too). */
export function mayNeedCarefulReader(text: string): boolean {
  return (
    text.includes("<<") ||
    markAtNodeStart(text, "&", (after) => anchorName(text, after)) ||
    markAtNodeStart(text, "!", (after) => otherTag(text, after)) ||
    // A directive (`%YAML`, `%TAG`) starts a line.
    text.startsWith("%") ||
    text.includes("\n%")
  );
}

/** A plain scalar resolved by one of js-yaml 5's tags (the last answer is kept: js-yaml 4 asks, then builds). */
function implicitTag<T>(tag: ScalarTagDefinition<T>): Type {
  const firstChars = tag.implicitFirstChars === null ? null : new Set(tag.implicitFirstChars);
  let source: string | null = null;
  let value: T | typeof NOT_RESOLVED = NOT_RESOLVED;
  const resolve = (data: string) => {
    if (data !== source) {
      source = data;
      value =
        firstChars && !firstChars.has(data.charAt(0)) ? NOT_RESOLVED : tag.resolve(data, false, tag.tagName);
    }
    return value;
  };
  return new Type(tag.tagName, {
    kind: "scalar",
    resolve: (data) => typeof data === "string" && resolve(data) !== NOT_RESOLVED,
    construct: (data) => resolve(String(data)),
  });
}

/** A binary scalar: YAML's `!!binary` (which js-yaml 4 reads as three zero bytes when empty) and Ruby's `!binary`. */
function binaryTag(tag: string): Type {
  return new Type(tag, {
    kind: "scalar",
    resolve: (data) => typeof data === "string" && isBase64Text(data),
    construct: (data) => base64Bytes(String(data)),
  });
}

// The careful reader's schema: the core tags (in js-yaml 5's order), timestamps, the binary tags.
const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    implicitTag(nullCoreTag),
    implicitTag(boolCoreTag),
    implicitTag(intCoreTag),
    implicitTag(floatCoreTag),
    implicitTag(timestampTag),
  ],
  explicit: [binaryTag("tag:yaml.org,2002:binary"), binaryTag("!binary")],
});

/** The documents of `text` when it is plain YAML js-yaml 4 reads; null when the careful reader must read it. */
export function loadPlainYaml(text: string, limits: ReadLimits): unknown[] | null {
  if (mayNeedCarefulReader(text)) return null;
  try {
    // No merge key can be met (there is no `<<`); deep nesting is left to the careful reader.
    return loadAll(text, null, {
      schema: SCHEMA,
      maxDepth: Math.floor(limits.maxDepth / 2),
      maxTotalMergeKeys: 0,
    });
  } catch {
    return null;
  }
}
