import type { ReadLimits } from "@/lib/model/limits";

/**
 * js-yaml keeps an alias as a second reference to the node it names, so loading a "billion
 * laughs" costs nothing; every walk that comes after (zod, the providers, `JSON.stringify` for
 * the raw view) pays the expansion. This measures what the loaded tree amounts to when walked:
 * each distinct node is visited once (sizes are memoized), so the check is linear in the file.
 */

/** Why a loaded YAML tree cannot be walked safely; the message says why, in a reader's words. */
export class ExpansionError extends Error {}

interface Measure {
  /** An estimate of the memory a full walk touches (see `scalarSize`). */
  size: number;
  /** Collections nested inside, this one included (0 for a scalar). */
  height: number;
}

/**
 * What a walk costs, roughly in bytes of memory: a slot per value, a small object per
 * collection, the characters of strings and keys, the bytes of `!!binary`.
 */
const SLOT = 8;
const COLLECTION = 32;

function scalarSize(value: unknown): number {
  if (typeof value === "string") return SLOT + value.length;
  if (value instanceof Uint8Array) return SLOT + value.byteLength;
  return SLOT;
}

function isCollection(value: unknown): value is object {
  return (
    typeof value === "object" && value !== null && !(value instanceof Uint8Array) && !(value instanceof Date)
  );
}

function formatBytes(bytes: number): string {
  const units = ["MB", "GB", "TB", "PB"];
  let value = bytes / 1024 / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return value >= 1e6
    ? `more than ${value.toExponential(1)} ${units[unit]}`
    : `about ${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Throws `ExpansionError` when walking `document` would go around a cycle (an alias inside the
 * node it names), nest deeper than `limits.maxDepth` (aliases of deep nodes inside deep nodes),
 * or touch more than `limits.maxDecodedBytes`. Called only for files that use aliases (real
 * cassettes almost never do), so a large file without any is never refused here.
 */
export function checkAliasExpansion(document: unknown, limits: ReadLimits): void {
  const known = new Map<object, Measure>();
  const open = new Set<object>();

  function visit(node: object, depth: number): Measure {
    const seen = known.get(node);
    if (seen) {
      if (depth + seen.height > limits.maxDepth) throw tooDeep();
      return seen;
    }
    if (open.has(node)) {
      throw new ExpansionError(
        "the YAML refers to itself (an alias inside the node it names); it is not read",
      );
    }
    if (depth + 1 > limits.maxDepth) throw tooDeep();
    open.add(node);
    let size = COLLECTION;
    let height = 1;
    const add = (child: unknown) => {
      if (isCollection(child)) {
        const measure = visit(child, depth + 1);
        size += SLOT + measure.size;
        height = Math.max(height, measure.height + 1);
      } else {
        size += scalarSize(child);
      }
    };
    if (Array.isArray(node)) {
      for (const child of node as unknown[]) add(child);
    } else {
      for (const [key, child] of Object.entries(node)) {
        size += SLOT + key.length;
        add(child);
      }
    }
    open.delete(node);
    const measure = { size, height };
    known.set(node, measure);
    return measure;
  }

  function tooDeep(): ExpansionError {
    return new ExpansionError(
      `the YAML nests more than ${limits.maxDepth} levels deep through its aliases; it is not read`,
    );
  }

  if (!isCollection(document)) return;
  const expanded = visit(document, 0).size;
  if (expanded > limits.maxDecodedBytes) {
    throw new ExpansionError(
      `the YAML's aliases expand it to ${formatBytes(expanded)}, past the ${(limits.maxDecodedBytes / 1024 / 1024).toFixed(1)} MB limit; it is not read`,
    );
  }
}
