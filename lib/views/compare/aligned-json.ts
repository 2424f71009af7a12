import { formatPath, type Change, type PathSegment } from "@/lib/diff/change";
import { prettyJson } from "@/lib/views/recording/message-view";
import { lineDiff, type LineDiff } from "./line-diff";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether the difference at `path` is one of the comparison's noise. */
type IsNoise = (path: readonly PathSegment[]) => boolean;

// The walk follows `rawDiff`'s (microdiff's order): arrays index by index, objects key by
// key, so a path here is the path of the comparison's difference at the same place.
function walk(before: unknown, after: unknown, path: PathSegment[], isNoise: IsNoise | null): unknown {
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: unknown[] = [];
    for (let i = 0; i < after.length; i++) {
      if (i >= before.length && isNoise?.([...path, i])) continue;
      out.push(i < before.length ? walk(before[i], after[i], [...path, i], isNoise) : after[i]);
    }
    if (isNoise) {
      for (let i = after.length; i < before.length; i++) {
        if (isNoise([...path, i])) out.push(before[i]);
        else break;
      }
    }
    return out;
  }
  if (isRecord(before) && isRecord(after)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(before)) {
      if (Object.hasOwn(after, key)) out[key] = walk(before[key], after[key], [...path, key], isNoise);
      else if (isNoise?.([...path, key])) out[key] = before[key];
    }
    for (const key of Object.keys(after)) {
      if (Object.hasOwn(before, key)) continue;
      if (isNoise?.([...path, key])) continue;
      out[key] = after[key];
    }
    return out;
  }
  if (isNoise && before !== after && isNoise(path)) return before;
  return after;
}

/**
 * The `after` JSON arranged for a line diff against `before`: object keys in `before`'s order (key
 * order is never a change), and every difference listed in `noise` (a comparison's noise, each
 * there by a named rule: `compareRecordings` applies a llama-stack recording's rules or a
 * cassette's, as `tapedeck diff` does) put back to its `before` value, so that only what really
 * changed shows up as lines. An empty `noise` shows every difference.
 */
export function alignForLineDiff(before: unknown, after: unknown, noise: readonly Change[]): unknown {
  const paths = new Set(noise.map((change) => change.path));
  return walk(before, after, [], paths.size === 0 ? null : (path) => paths.has(formatPath(path)));
}

/**
 * The line diff of two recordings as pretty-printed JSON, `after` aligned to `before` (key order,
 * and the differences in `noise` put back).
 */
export function rawJsonDiff(before: unknown, after: unknown, noise: readonly Change[] = []): LineDiff {
  return lineDiff(prettyJson(before), prettyJson(alignForLineDiff(before, after, noise)));
}
