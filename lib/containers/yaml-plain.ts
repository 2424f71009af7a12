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
import { base64Bytes } from "./yaml-base64";

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

/** Where a node may start: a line's start, whitespace, or a flow indicator. */
const NODE_START = String.raw`(?:^|[\s[{,])`;
/** An anchor (`&name`). */
const ANCHOR = new RegExp(`${NODE_START}&[^\\s,[\\]{}]`, "m");
/** A tag other than `!!binary` and Ruby's `!binary`. */
const OTHER_TAG = new RegExp(`${NODE_START}!(?!!binary\\s|binary\\s)`, "m");
/** A directive (`%YAML`, `%TAG`). */
const DIRECTIVE = /^%/m;

/** True when `text` may hold what only the careful reader reads (text that only looks like it counts too). */
export function mayNeedCarefulReader(text: string): boolean {
  return (
    text.includes("<<") ||
    (text.includes("&") && ANCHOR.test(text)) ||
    (text.includes("!") && OTHER_TAG.test(text)) ||
    (text.includes("%") && DIRECTIVE.test(text))
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
    resolve: (data) => typeof data === "string" && base64Bytes(data) !== null,
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
