import type { Envelope, HeaderMap, ResponseEnvelope } from "./envelope";

/**
 * `envelopeSchema` checked by hand: it runs for every llama-stack file, where a zod parse (which
 * also copies the request and response) cost a tenth of decoding a file beside `JSON.parse` (a CPU
 * profile of indexing the corpus). It accepts exactly what the schema accepts; a value it refuses
 * is parsed with the schema, whose first issue names what is wrong.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What `z.record` accepts: a plain object (not a class instance such as a date). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const nullable = (value: unknown, check: (value: unknown) => boolean) =>
  value === undefined || value === null || check(value);

const isString = (value: unknown) => typeof value === "string";
const isBoolean = (value: unknown) => typeof value === "boolean";
const isInteger = (value: unknown) => typeof value === "number" && Number.isSafeInteger(value);

function isHeaderMap(value: unknown): value is HeaderMap {
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const values = value[key];
    if (!Array.isArray(values) || !values.every(isString)) return false;
  }
  return true;
}

function isResponseEnvelope(value: unknown): value is ResponseEnvelope {
  return (
    isObject(value) &&
    // \`body: z.unknown()\` is a required key, even when its value may be anything.
    "body" in value &&
    optional(value.is_streaming, isBoolean) &&
    nullable(value.status, isInteger) &&
    optional(value.headers, isHeaderMap) &&
    optional(value.is_exception, isBoolean) &&
    nullable(value.exception_message, isString)
  );
}

/** True when `value` is what `envelopeSchema` accepts (the envelope is then the value itself). */
export function isEnvelope(value: unknown): value is Envelope {
  return (
    isObject(value) &&
    (value.origin === undefined || value.origin === "sdk" || value.origin === "http") &&
    nullable(value.test_id, isString) &&
    isPlainObject(value.request) &&
    isResponseEnvelope(value.response) &&
    nullable(value.id_normalization_mapping, isPlainObject)
  );
}
