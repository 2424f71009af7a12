import {
  binaryTag,
  constructFromEvents,
  CORE_SCHEMA,
  defineScalarTag,
  EVENT_ID,
  mergeTag,
  NOT_RESOLVED,
  parseEvents,
  timestampTag,
  type Event,
  YAMLException,
} from "js-yaml";
import type { ReadLimits } from "@/lib/model/limits";
import { collectGarbage } from "./collect-garbage";
import { ContainerError } from "./container";
import { checkAliasExpansion, ExpansionError } from "./yaml-expansion";
import { loadPlainYaml } from "./yaml-plain";
import { base64Bytes } from "./yaml-base64";

/**
 * The one YAML reader of cassettes: the core schema plus the tags recorders write (`!!binary`,
 * Ruby's `!binary`, `!!timestamp`, merge keys). No tag constructs code or objects: any other tag
 * (`!!python/object/apply:...`, `!ruby/object`, `!!js/function`) is refused with its name, and
 * never run. Nesting, aliases, merge keys and what the aliases expand to are bounded by the
 * limits (a tag, an anchor or `---` inside a quoted or block scalar is text, as the parser says).
 */

/** Ruby's `!binary` (base64 with line breaks), read like YAML's own `!!binary`. */
const rubyBinaryTag = defineScalarTag<Uint8Array>("!binary", {
  resolve: (source) => base64Bytes(source) ?? NOT_RESOLVED,
  identify: () => false,
});

const SCHEMA = CORE_SCHEMA.withTags(binaryTag, rubyBinaryTag, timestampTag, mergeTag);

/** `tag:yaml.org,2002:python/name:x` → `!!python/name:x`, as the file wrote it. */
function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice(18)}` : tag;
}

function describe(error: unknown, limits: ReadLimits): string {
  if (error instanceof RangeError)
    return `the YAML nests more than ${limits.maxDepth} levels deep; it is not read`;
  if (!(error instanceof YAMLException)) {
    return `invalid YAML: ${error instanceof Error ? error.message : String(error)}`;
  }
  const line = error.mark ? ` (line ${error.mark.line + 1})` : "";
  const tag = /^unknown (?:scalar |sequence |mapping )?tag !<(.*)>$/.exec(error.reason);
  if (tag?.[1]) {
    return `the YAML uses the tag ${shortTag(tag[1])}${line}, which Tapedeck does not construct; it is not read`;
  }
  const unresolved = /^cannot resolve a node with !<(.*)> explicit tag$/.exec(error.reason);
  if (unresolved?.[1]) {
    const tag = shortTag(unresolved[1]);
    const what = /binary$/.test(tag) ? "that is not base64" : "that its tag cannot read";
    return `the YAML has a ${tag} value ${what}${line}; it is not read`;
  }
  if (/^nesting exceeded maxDepth/.test(error.reason)) {
    return `the YAML nests more than ${limits.maxDepth} levels deep${line}; it is not read`;
  }
  if (/^aliases exceeded maxAliases/.test(error.reason)) {
    return `the YAML uses more aliases than allowed (${limits.maxYamlAliases}); it is not read`;
  }
  if (/^merge keys exceeded maxTotalMergeKeys/.test(error.reason)) {
    return `the YAML's merge keys (<<) copy more than ${mergeKeyBudget(limits)} keys${line}; it is not read`;
  }
  return `invalid YAML: ${error.reason}${line}`;
}

/** Parser events (about 100 bytes each) past which the parse is followed by a collection. */
const LARGE_EVENT_COUNT = 1_000_000;

/** Keys merge keys may copy in one file: ten per alias allowed. */
function mergeKeyBudget(limits: ReadLimits): number {
  return limits.maxYamlAliases * 10;
}

/** The documents of `text` as the careful reader reads them, and how many aliases they use. */
export function loadYamlCarefully(
  text: string,
  limits: ReadLimits,
): { documents: unknown[]; aliases: number } {
  let documents: unknown[];
  let aliases = 0;
  let eventCount = 0;
  try {
    let events: Event[] | null = parseEvents(text, { maxDepth: limits.maxDepth });
    // Counted for the whole file (js-yaml's own budget restarts with each document).
    for (const event of events) if (event.type === EVENT_ID.ALIAS) aliases++;
    if (aliases > limits.maxYamlAliases) {
      throw new ContainerError(
        `the YAML uses ${aliases} aliases, more than allowed (${limits.maxYamlAliases}); it is not read`,
        "invalid-yaml",
      );
    }
    eventCount = events.length;
    documents = constructFromEvents(events, {
      source: text,
      schema: SCHEMA,
      maxAliases: limits.maxYamlAliases,
      maxTotalMergeKeys: mergeKeyBudget(limits),
    });
    events = null;
  } catch (error) {
    if (error instanceof ContainerError) throw error;
    throw new ContainerError(describe(error, limits), "invalid-yaml");
  }
  // The events are garbage now; a big file's are collected at once (see `collectGarbage`).
  if (eventCount > LARGE_EVENT_COUNT) collectGarbage();
  return { documents, aliases };
}

/**
 * Parses the cassette's YAML; throws `ContainerError` with a reader's reason. A stream of
 * several documents is read when exactly one of them holds something (recorders may write a
 * leading `---` and a trailing one). Plain YAML is read by the fast reader (`yaml-plain.ts`).
 */
export function loadYaml(text: string, limits: ReadLimits): unknown {
  const plain = loadPlainYaml(text, limits);
  const { documents, aliases } = plain ? { documents: plain, aliases: 0 } : loadYamlCarefully(text, limits);
  if (documents.length === 0) throw new ContainerError("the YAML holds no document", "invalid-yaml");
  let document = documents[0];
  if (documents.length > 1) {
    const found = documents.filter((item) => item !== null && item !== undefined);
    if (found.length !== 1) {
      throw new ContainerError(
        `the YAML holds ${documents.length} documents; a cassette is one`,
        "invalid-yaml",
      );
    }
    document = found[0];
  }
  if (aliases > 0) {
    try {
      checkAliasExpansion(document, limits);
    } catch (error) {
      if (error instanceof ExpansionError) throw new ContainerError(error.message, "invalid-yaml");
      throw error;
    }
  }
  return document;
}
