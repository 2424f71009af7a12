import type { z } from "zod";
import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, Family } from "@/lib/model/exchange";
import { joinZodPath } from "@/lib/model/json-path";

/**
 * One format family. `claims` looks at content only (`__type__`, body and request shapes),
 * never at the file name or the `endpoint` field alone; `decode` may throw `SchemaMismatch`.
 */
export interface Decoder {
  family: Family;
  claims(envelope: Envelope): boolean;
  decode(envelope: Envelope): Exchange;
}

/** A claimed file whose content does not have the shape its family requires. */
export class SchemaMismatch extends Error {
  constructor(
    /** JSON path from the top of the file, e.g. `response.body[3].__data__.choices`. */
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path || "(root)"}: ${detail}`);
    this.name = "SchemaMismatch";
  }
}

/**
 * Parses `value` (found at `path` in the file) with `schema`, or throws `SchemaMismatch`
 * naming the first offending JSON path.
 */
export function parseAt<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new SchemaMismatch(path, "invalid value");
  throw new SchemaMismatch(joinZodPath(path, issue.path), issue.message);
}
