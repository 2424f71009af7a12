import type { RequestInfo } from "@/lib/model/exchange";

interface SplitUrl {
  readonly path: string | null;
  readonly host: string | null;
}

/**
 * URLs split lately: a suite's recordings call a handful of URLs, and parsing one was a tenth of
 * reading a request (a CPU profile of decoding the corpus). Bounded in entries and in length.
 */
const splitUrls = new Map<string, SplitUrl>();
const SPLIT_URLS = 256;
const SPLIT_URL_LENGTH = 1024;

/** Splits a recorded URL into the path the recorder matches on and the host it went to. */
export function splitUrl(url: string): SplitUrl {
  const known = splitUrls.get(url);
  if (known) return known;
  const split = Object.freeze(parseUrl(url));
  if (url.length <= SPLIT_URL_LENGTH) {
    if (splitUrls.size >= SPLIT_URLS) splitUrls.clear();
    splitUrls.set(url, split);
  }
  return split;
}

function parseUrl(url: string): SplitUrl {
  try {
    const parsed = new URL(url);
    const host = parsed.host !== "" ? parsed.host : parsed.protocol.replace(/:$/, "");
    return { path: parsed.pathname || null, host: host || null };
  } catch {
    return { path: url.startsWith("/") ? url : null, host: null };
  }
}

/**
 * The request's identifying fields: method, url, endpoint (the recorded one, else the URL path)
 * and host. Conversation, tools and parameters are filled in by the decoder.
 */
export function requestBasics(
  method: string | null,
  url: string | null,
  endpoint: string | null | undefined,
): Pick<RequestInfo, "method" | "url" | "endpoint" | "host"> {
  const { path, host } = url === null ? { path: null, host: null } : splitUrl(url);
  return { method, url, endpoint: endpoint ?? path, host };
}

/** Copies an object without the named keys (for "the other parameters"). */
export function omitKeys(value: unknown, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (!keys.includes(key)) out[key] = entry;
  return out;
}
