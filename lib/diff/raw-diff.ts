import microdiff from "microdiff";
import { formatPath, type Change, type PathSegment } from "./change";
import { noiseRule, type NoiseContext } from "./noise";

export interface RawDiff {
  /** Differences under `request` that are not noise. */
  request: Change[];
  /** Differences under `response` that are not noise (chunking included). */
  response: Change[];
  /** Differences elsewhere in the envelope that are not noise. */
  other: Change[];
  noise: Change[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toChange(path: PathSegment[], kind: Change["kind"], before: unknown, after: unknown): Change {
  return { path: formatPath(path), kind, before, after };
}

/**
 * A structural diff of two recordings as parsed from disk, each difference sorted by where it
 * lies; a noise difference carries the rule that made it noise. Every differing leaf lands in
 * exactly one list.
 */
export function rawDiff(before: unknown, after: unknown, context: NoiseContext = "recording"): RawDiff {
  const out: RawDiff = { request: [], response: [], other: [], noise: [] };
  if (!(isRecord(before) || Array.isArray(before)) || !(isRecord(after) || Array.isArray(after))) {
    if (before !== after) out.other.push(toChange([], "changed", before, after));
    return out;
  }
  for (const difference of microdiff(before, after)) {
    const path = difference.path;
    const was = difference.type === "CREATE" ? undefined : difference.oldValue;
    const now = difference.type === "REMOVE" ? undefined : difference.value;
    const kind =
      difference.type === "CREATE" ? "added" : difference.type === "REMOVE" ? "removed" : "changed";
    const change = toChange(path, kind, was, now);
    const rule = noiseRule(path, was, now, context);
    if (rule !== null) out.noise.push({ ...change, rule });
    else if (path[0] === "request") out.request.push(change);
    else if (path[0] === "response") out.response.push(change);
    else out.other.push(change);
  }
  return out;
}
