import type { z } from "zod";
import { parseAt, SchemaMismatch } from "./decoder";

/**
 * Hand-written readers for the hot path (tens of thousands of stream chunks), where a zod parse of
 * every chunk would cost more than `JSON.parse` itself. A reader checks only the fields it uses,
 * as tolerantly as the matching zod schema; when it meets something that does not fit it throws
 * `MISFIT`, and `readWith` then runs the zod schema to name the offending JSON path.
 */

class Misfit extends Error {}
/** Thrown (never built anew, so it costs no stack) when a value does not fit its reader. */
export const MISFIT = new Misfit("value does not fit its reader");

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function record(value: unknown): Record<string, unknown> {
  if (isRecord(value)) return value;
  throw MISFIT;
}

/** A record, or null for null/undefined. */
export function optRecord(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  return record(value);
}

/** A string, or null for null/undefined. */
export function optString(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  throw MISFIT;
}

/** An integer, or null for null/undefined. */
export function optInt(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isInteger(value)) return value;
  throw MISFIT;
}

/** A list, or null for null/undefined. */
export function optList(value: unknown): unknown[] | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value;
  throw MISFIT;
}

/**
 * Reads `value` (found at `path` in the file) with `read`. When the reader refuses it, `schema`
 * (the zod statement of the same shape) names the offending path in a `SchemaMismatch`.
 */
export function readWith<T>(read: (value: unknown) => T, schema: z.ZodType, value: unknown, path: string): T {
  try {
    return read(value);
  } catch (error) {
    if (error !== MISFIT) throw error;
    parseAt(schema, value, path);
    throw new SchemaMismatch(path, "unexpected shape");
  }
}
