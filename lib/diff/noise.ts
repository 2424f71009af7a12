import microdiff from "microdiff";
import { typeClassName } from "@/lib/model/envelope";
import type { PathSegment } from "./change";

/**
 * The named noise rules. A difference is noise only when one of these names it; every other
 * difference is a change (the every-change rule of the diff). `noiseRule` returns the rule's name.
 *
 * `recording` paths run from the top of a llama-stack file; `cassette` paths from the top of one
 * interaction as `comparable.ts` lays it out (headers by lower-case name, bodies decoded).
 */
export type NoiseContext = "recording" | "cassette";

/** Keys whose values change on every recording, wherever they appear: key → rule. */
const VOLATILE_KEYS = new Map<string, string>([
  ...[
    "created",
    "created_at",
    "create_time",
    "update_time",
    "updated",
    "expires_at",
    "completed_at",
    "in_progress_at",
    "finalizing_at",
    "failed_at",
    "expired_at",
    "cancelled_at",
    "cancelling_at",
    "createTime",
    "updateTime",
  ].map((key): [string, string] => [key, "timestamp"]),
  ["system_fingerprint", "system-fingerprint"],
  ["obfuscation", "stream-obfuscation"],
  ["service_tier", "service-tier"],
  ...["response_id", "request_id", "tool_call_id", "responseId"].map((key): [string, string] => [
    key,
    "provider-id",
  ]),
  ...["total_duration", "load_duration", "prompt_eval_duration", "eval_duration", "duration"].map(
    (key): [string, string] => [key, "duration"],
  ),
  ["signature", "thinking-signature"],
  ["sdk_http_response", "sdk-http-response"],
]);

/** Identifier values the recorder or the provider mint anew each time. */
const VOLATILE_ID =
  /^(rec-|pyd_ai_|chatcmpl-|cmpl-|call_|msg_|msgbatch_|toolu_|srvtoolu_|resp_|rs_|req_|fc_|ctc_|gen-|chatcmpl_|file-|batch_|run_|asst_|thread_|ws_|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)/;

/** Top-level and request fields of a llama-stack file that describe the recording, not the call. */
const META_PATHS: readonly (readonly PathSegment[])[] = [
  ["id_normalization_mapping"],
  ["test_id"],
  ["request", "test_id"],
  ["request", "provider_metadata"],
  ["request", "headers"],
];

/** Response headers that change on every call, by rule. */
const RESPONSE_HEADER_RULES: readonly [string, RegExp][] = [
  ["response-date", /^(date|expires|last-modified|age)$/],
  [
    "request-id-header",
    /(^|-)request-?id$|requestid$|^cf-ray$|trace-?id$|^x-cloud-trace-context$|^traceparent$|^x-amz-id-2$|^x-amz-cf-id$|^x-goog-.*-id$/,
  ],
  ["set-cookie", /^set-cookie$/],
  [
    "server-timing",
    /^server-timing$|processing-ms$|latency|^x-envoy-|upstream-service-time$|^x-response-time$|^req-cost-time$/,
  ],
  ["rate-limit", /ratelimit|rate-limit/],
  [
    "proxy-headers",
    /^(via|server|alt-svc|nel|report-to|cf-cache-status|strict-transport-security|x-served-by|x-cache|x-timer)$|^x-kong-/,
  ],
  ["content-length", /^content-length$/],
  ["transport", /^(connection|keep-alive|transfer-encoding|vary)$/],
];

/** Request headers that do not change what was asked, by rule; any other request header does. */
const REQUEST_HEADER_RULES: readonly [string, RegExp][] = [
  ["sdk-headers", /^user-agent$|^x-stainless-|^x-goog-api-client$|^x-amz-user-agent$|^x-client-name$/],
  ["content-length", /^content-length$/],
  ["transport", /^(accept-encoding|accept|connection|host|keep-alive|transfer-encoding)$/],
  [
    "credentials",
    /^(authorization|x-api-key|api-key|cookie|x-goog-api-key|x-amz-security-token|x-amz-date|x-amz-content-sha256|amz-sdk-invocation-id|amz-sdk-request)$/,
  ],
  ["request-id-header", /^(x-request-id|idempotency-key|traceparent|tracestate|baggage|sentry-trace)$/],
];

/** Recorder metadata of a cassette interaction (`HttpDetails.meta`), by top-level key. */
const CASSETTE_META = new Map<string, string>([
  ["recorded_at", "vcr-recorded-at"],
  ["startedDateTime", "har-timings"],
  ["time", "har-timings"],
  ["timings", "har-timings"],
  ["_id", "polly-id"],
]);

/** Sizes a cassette records beside a body: they follow the body, which is diffed itself. */
const DERIVED_SIZES = new Set(["content_length", "bodySize", "headersSize", "size"]);

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/** The URL without its host: the llama-stack recorder matches on the path, so a new host is noise. */
function urlWithoutHost(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return `${url.pathname}${url.search}`;
  } catch {
    return value;
  }
}

function headerRule(rules: readonly [string, RegExp][], name: PathSegment | undefined): string | null {
  if (typeof name !== "string") return null;
  const lower = name.toLowerCase();
  for (const [rule, pattern] of rules) if (pattern.test(lower)) return rule;
  return null;
}

function isIdKey(segment: PathSegment | undefined): boolean {
  return typeof segment === "string" && (segment === "id" || /(_id|Id)$/.test(segment));
}

/** Rules for a cassette interaction's own fields (headers, recorder metadata, derived sizes). */
function cassetteRule(path: readonly PathSegment[]): string | null {
  const [top, second, third] = path;
  const meta = typeof top === "string" ? CASSETTE_META.get(top) : undefined;
  if (meta) return meta;
  // go-vcr numbers its interactions (`id: 0`): an inserted call renumbers the rest.
  if (top === "id" && path.length === 1) return "interaction-number";
  if ((top === "request" || top === "response") && second === "headers" && path.length >= 3) {
    return headerRule(top === "request" ? REQUEST_HEADER_RULES : RESPONSE_HEADER_RULES, third);
  }
  if (top === "response" && second === "duration") return "go-vcr-duration";
  if ((top === "request" || top === "response") && typeof second === "string") {
    if (DERIVED_SIZES.has(second)) return "content-length";
    if (second === "content" && third === "size") return "content-length";
  }
  return null;
}

/**
 * The named rule that makes a raw difference at `path` noise, or null when it is a change:
 * volatile ids, times, durations, fingerprints, a `__type__` whose module path moved, the
 * recorder's own metadata; for llama-stack files a request URL whose host alone changed (the
 * recorder matches on the path); for cassettes the volatile headers and the recorder's timings
 * (a cassette's host is part of what was asked: a changed host is a change).
 */
export function noiseRule(
  path: readonly PathSegment[],
  before: unknown,
  after: unknown,
  context: NoiseContext = "recording",
): string | null {
  if (context === "recording") {
    if (META_PATHS.some((prefix) => startsWith(path, prefix))) return "recorder-metadata";
    for (const segment of path) if (segment === "headers") return "headers";
  } else {
    const rule = cassetteRule(path);
    if (rule) return rule;
  }
  for (const segment of path) {
    const rule = typeof segment === "string" ? VOLATILE_KEYS.get(segment) : undefined;
    if (rule) return rule;
  }
  const last = path[path.length - 1];
  // Servers report how long they took inside the reply (llama.cpp `timings.prompt_ms`, `*_per_second`).
  if (path[0] === "response" && typeof last === "string" && /(_ms|_per_second)$/.test(last)) {
    return "server-timing";
  }
  // A tool call's id is minted by whoever made the call (llama.cpp's bare 32 letters, Gemini's
  // functionCall.id); a later request echoes it back.
  const parent = path[path.length - 2];
  const owner = path[path.length - 3];
  if (
    last === "id" &&
    typeof before === "string" &&
    typeof after === "string" &&
    (owner === "tool_calls" || parent === "functionCall" || parent === "functionResponse")
  ) {
    return "provider-id";
  }
  if (isIdKey(last)) {
    if ((before === undefined || volatile(before)) && (after === undefined || volatile(after))) {
      return "provider-id";
    }
    // llama-stack replaces the provider's ids by its own `rec-…` ids when it normalizes a recording.
    if (
      last === "id" &&
      typeof before === "string" &&
      typeof after === "string" &&
      (before.startsWith("rec-") || after.startsWith("rec-"))
    ) {
      return "recorder-normalized-id";
    }
  }
  if (last === "__type__" && typeof before === "string" && typeof after === "string") {
    return typeClassName(before) === typeClassName(after) ? "type-module-moved" : null;
  }
  if (sameJsonText(before, after)) return "json-key-order";
  if (context === "recording" && path.length === 2 && path[0] === "request" && last === "url") {
    const a = urlWithoutHost(before);
    return a !== null && a === urlWithoutHost(after) ? "request-host" : null;
  }
  return null;
}

/** An id a provider minted (module level: `noiseRule` runs once per difference, tens of thousands per review). */
function volatile(value: unknown): boolean {
  return typeof value === "string" && VOLATILE_ID.test(value);
}

/** A text that starts like a JSON object or array. */
function opensJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

/** Two texts of the same JSON object or array, keys in another order or spaced otherwise (tool-call arguments). */
function sameJsonText(before: unknown, after: unknown): boolean {
  if (typeof before !== "string" || typeof after !== "string") return false;
  if (!opensJson(before) || !opensJson(after)) return false;
  try {
    const a: unknown = JSON.parse(before);
    const b: unknown = JSON.parse(after);
    if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
    return microdiff(a, b).length === 0;
  } catch {
    return false;
  }
}

/** Whether a raw difference at `path` is noise (see `noiseRule`). */
export function isNoise(
  path: readonly PathSegment[],
  before: unknown,
  after: unknown,
  context: NoiseContext = "recording",
): boolean {
  return noiseRule(path, before, after, context) !== null;
}

/** Every rule name `noiseRule` can give, for the documentation and the tests. */
export const NOISE_RULES = [
  "recorder-metadata",
  "headers",
  "timestamp",
  "system-fingerprint",
  "stream-obfuscation",
  "service-tier",
  "provider-id",
  "recorder-normalized-id",
  "duration",
  "thinking-signature",
  "sdk-http-response",
  "type-module-moved",
  "request-host",
  "response-date",
  "request-id-header",
  "set-cookie",
  "server-timing",
  "rate-limit",
  "proxy-headers",
  "content-length",
  "transport",
  "sdk-headers",
  "credentials",
  "vcr-recorded-at",
  "har-timings",
  "polly-id",
  "go-vcr-duration",
  "interaction-number",
  "body-encoding",
  "json-key-order",
  "stream-rechunked",
] as const;
