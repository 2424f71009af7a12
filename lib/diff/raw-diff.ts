import type { Change, PathSegment } from "./change";
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

/** An object or an array, read key by key (an array's keys are its indices). */
type Node = { readonly [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null;
}

/** Objects compared by value, not walked key by key (as microdiff does). */
const VALUE_TYPES = new Set(["Date", "RegExp", "String", "Number"]);

function isValueObject(value: object): boolean {
  const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
  return typeof name === "string" && VALUE_TYPES.has(name);
}

/** Two objects of a value type that hold the same value. */
function sameValue(a: object, b: object): boolean {
  const x = Number(a);
  return Number.isNaN(x) ? String(a) === String(b) : x === Number(b);
}

/** A key as `formatPath` spells it after `prefix`. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;
function childPath(prefix: string, segment: PathSegment): string {
  if (typeof segment === "number") return `${prefix}[${segment}]`;
  if (PLAIN_KEY.test(segment)) return prefix === "" ? segment : `${prefix}.${segment}`;
  return `${prefix}[${JSON.stringify(segment)}]`;
}

/**
 * One walk over both values, in microdiff's order (each key of `before`: removed, walked into, or
 * changed; then the keys only `after` has), sorting each difference as it is found. The path is
 * kept as segments on one stack (what the noise rules read) and spelled once per object walked
 * into, not once per difference: a re-recorded reply can differ in tens of thousands of leaves.
 */
class Walk {
  readonly out: RawDiff = { request: [], response: [], other: [], noise: [] };
  private readonly segments: PathSegment[] = [];

  constructor(private readonly context: NoiseContext) {}

  private add(path: string, kind: Change["kind"], before: unknown, after: unknown): void {
    const rule = noiseRule(this.segments, before, after, this.context);
    if (rule !== null) {
      this.out.noise.push({ path, kind, before, after, rule });
      return;
    }
    const top = this.segments[0];
    const list =
      top === "request" ? this.out.request : top === "response" ? this.out.response : this.out.other;
    list.push({ path, kind, before, after });
  }

  /** The difference at `segment` below `prefix`, the segment on the stack while it is sorted. */
  private leaf(
    prefix: string,
    segment: PathSegment,
    kind: Change["kind"],
    before: unknown,
    after: unknown,
  ): void {
    this.segments.push(segment);
    this.add(childPath(prefix, segment), kind, before, after);
    this.segments.pop();
  }

  compare(a: Node, b: Node, prefix: string): void {
    const arrays = Array.isArray(a);
    for (const key in a) {
      const segment: PathSegment = arrays ? Number(key) : key;
      const was = a[key];
      if (!Object.hasOwn(b, key)) {
        this.leaf(prefix, segment, "removed", was, undefined);
        continue;
      }
      const now = b[key];
      if (Object.is(was, now)) continue;
      if (isNode(was) && isNode(now) && Array.isArray(was) === Array.isArray(now)) {
        if (!isValueObject(was)) {
          this.segments.push(segment);
          this.compare(was, now, childPath(prefix, segment));
          this.segments.pop();
          continue;
        }
        if (sameValue(was, now)) continue;
      }
      this.leaf(prefix, segment, "changed", was, now);
    }
    const added = Array.isArray(b);
    for (const key in b) {
      if (!Object.hasOwn(a, key)) this.leaf(prefix, added ? Number(key) : key, "added", undefined, b[key]);
    }
  }
}

/**
 * A structural diff of two recordings as parsed from disk, each difference sorted by where it
 * lies; a noise difference carries the rule that made it noise. Every differing leaf lands in
 * exactly one list.
 */
export function rawDiff(before: unknown, after: unknown, context: NoiseContext = "recording"): RawDiff {
  const walk = new Walk(context);
  if (!isNode(before) || !isNode(after)) {
    if (before !== after) walk.out.other.push({ path: "", kind: "changed", before, after });
    return walk.out;
  }
  walk.compare(before, after, "");
  return walk.out;
}
