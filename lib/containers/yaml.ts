import {
  binaryTag,
  CORE_SCHEMA,
  defineScalarTag,
  load,
  loadAll,
  mergeTag,
  NOT_RESOLVED,
  timestampTag,
} from "js-yaml";
import type { ReadLimits } from "@/lib/model/limits";
import { ContainerError } from "./container";

/**
 * The one YAML reader of cassettes: the core schema plus the tags recorders write (`!!binary`,
 * Ruby's `!binary`, `!!timestamp`, merge keys). No tag constructs code or objects: any other tag
 * (`!!python/object/apply:...`, `!ruby/object`, `!!js/function`) is refused with its name, and
 * aliases and nesting are bounded by the limits.
 */

/** Ruby's `!binary` (base64 with line breaks), read like YAML's own `!!binary`. */
const rubyBinaryTag = defineScalarTag<Uint8Array>("!binary", {
  resolve: (source) => {
    const clean = source.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return NOT_RESOLVED;
    return new Uint8Array(Buffer.from(clean, "base64"));
  },
  identify: () => false,
});

const SCHEMA = CORE_SCHEMA.withTags(binaryTag, rubyBinaryTag, timestampTag, mergeTag);

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\n")[0] ?? message;
  if (error instanceof RangeError) return "the YAML nests too deeply to read";
  if (/unknown tag/i.test(first)) return `the YAML uses a tag Tapedeck does not construct (${first}); it is not read`;
  if (/alias/i.test(first)) return `the YAML uses more aliases than allowed (${first})`;
  if (/depth/i.test(first)) return `the YAML nests too deeply (${first})`;
  return `invalid YAML: ${first}`;
}

function options(limits: ReadLimits) {
  return {
    schema: SCHEMA,
    maxDepth: limits.maxDepth,
    maxAliases: limits.maxYamlAliases,
    maxTotalMergeKeys: limits.maxYamlAliases * 10,
  };
}

/** Parses one YAML document (the cassette); throws `ContainerError` with a reader's reason. */
export function loadYaml(text: string, limits: ReadLimits): unknown {
  try {
    return load(text, options(limits));
  } catch (error) {
    if (error instanceof Error && /expected a single document/i.test(error.message)) {
      // A leading `---` and a trailing one give two documents; the first is the cassette.
      return loadFirstDocument(text, limits);
    }
    throw new ContainerError(describe(error), "invalid-yaml");
  }
}

function loadFirstDocument(text: string, limits: ReadLimits): unknown {
  let documents: unknown[];
  try {
    documents = loadAll(text, options(limits));
  } catch (error) {
    throw new ContainerError(describe(error), "invalid-yaml");
  }
  const found = documents.filter((document) => document !== null && document !== undefined);
  if (found.length !== 1) {
    throw new ContainerError(`the YAML holds ${documents.length} documents; a cassette is one`, "invalid-yaml");
  }
  return found[0];
}
