import type { PathSegment } from "@/lib/diff/change";
import { isNoise } from "@/lib/diff/noise";
import { prettyJson } from "@/lib/views/recording/message-view";
import { lineDiff, type LineDiff } from "./line-diff";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function walk(before: unknown, after: unknown, path: PathSegment[], hideNoise: boolean): unknown {
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: unknown[] = [];
    for (let i = 0; i < after.length; i++) {
      if (i >= before.length && hideNoise && isNoise([...path, i], undefined, after[i])) continue;
      out.push(i < before.length ? walk(before[i], after[i], [...path, i], hideNoise) : after[i]);
    }
    if (hideNoise) {
      for (let i = after.length; i < before.length; i++) {
        if (isNoise([...path, i], before[i], undefined)) out.push(before[i]);
        else break;
      }
    }
    return out;
  }
  if (isRecord(before) && isRecord(after)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(before)) {
      if (Object.hasOwn(after, key)) out[key] = walk(before[key], after[key], [...path, key], hideNoise);
      else if (hideNoise && isNoise([...path, key], before[key], undefined)) out[key] = before[key];
    }
    for (const key of Object.keys(after)) {
      if (Object.hasOwn(before, key)) continue;
      if (hideNoise && isNoise([...path, key], undefined, after[key])) continue;
      out[key] = after[key];
    }
    return out;
  }
  if (hideNoise && before !== after && isNoise(path, before, after)) return before;
  return after;
}

/**
 * The `after` JSON arranged for a line diff against `before`: object keys in `before`'s order (key
 * order is never a change), and with `hideNoise` every noise difference (volatile ids, times,
 * fingerprints, a moved `__type__`, a new host) put back to its `before` value, so that only what
 * really changed shows up as lines.
 */
export function alignForLineDiff(before: unknown, after: unknown, hideNoise: boolean): unknown {
  return walk(before, after, [], hideNoise);
}

/**
 * The line diff of two recordings as pretty-printed JSON, `after` aligned to `before` (key order,
 * and noise put back when `hideNoise`).
 */
export function rawJsonDiff(before: unknown, after: unknown, hideNoise: boolean): LineDiff {
  return lineDiff(prettyJson(before), prettyJson(alignForLineDiff(before, after, hideNoise)));
}
