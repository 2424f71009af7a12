import { typeClassName } from "@/lib/model/envelope";
import type { PathSegment } from "./change";

/** Keys whose values change on every recording, wherever they appear. */
const VOLATILE_KEYS = new Set([
  "created",
  "created_at",
  "create_time",
  "update_time",
  "updated",
  "system_fingerprint",
  "obfuscation",
  "service_tier",
  "response_id",
  "request_id",
  "tool_call_id",
  "total_duration",
  "load_duration",
  "prompt_eval_duration",
  "eval_duration",
  "duration",
  "expires_at",
  "headers",
  "sdk_http_response",
  "signature",
]);

/** Identifier values the recorder or the provider mint anew each time. */
const VOLATILE_ID =
  /^(rec-|chatcmpl-|cmpl-|call_|msg_|toolu_|resp_|req_|fc_|gen-|chatcmpl_|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)/;

/** Top-level and request fields that describe the recording, not the call. */
const META_PATHS: readonly (readonly PathSegment[])[] = [
  ["id_normalization_mapping"],
  ["test_id"],
  ["request", "test_id"],
  ["request", "provider_metadata"],
  ["request", "headers"],
];

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/** The URL without its host: the recorder matches on the path, so a new host is noise. */
function urlWithoutHost(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return `${url.pathname}${url.search}`;
  } catch {
    return value;
  }
}

/**
 * Whether a raw difference at `path` (from the top of the file) is noise: volatile ids, times,
 * durations, fingerprints, headers, a `__type__` whose module path moved, the recorder's own
 * metadata, or a request URL whose host alone changed.
 */
export function isNoise(path: readonly PathSegment[], before: unknown, after: unknown): boolean {
  if (META_PATHS.some((prefix) => startsWith(path, prefix))) return true;
  for (const segment of path) if (typeof segment === "string" && VOLATILE_KEYS.has(segment)) return true;
  const last = path[path.length - 1];
  if (last === "id") {
    const volatile = (value: unknown) => typeof value === "string" && VOLATILE_ID.test(value);
    if ((before === undefined || volatile(before)) && (after === undefined || volatile(after))) return true;
  }
  if (last === "__type__" && typeof before === "string" && typeof after === "string") {
    return typeClassName(before) === typeClassName(after);
  }
  if (path.length === 2 && path[0] === "request" && last === "url") {
    const a = urlWithoutHost(before);
    return a !== null && a === urlWithoutHost(after);
  }
  return false;
}
