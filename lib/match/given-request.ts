import { isLosslessNumber, parse as parseLossless } from "lossless-json";
import { nestsDeeperThan } from "@/lib/model/json-depth";
import type { ReplayFailure } from "./error-text";
import { emptyParts, httpParts, llamaStackParts, urlPath, type RequestParts } from "./request-parts";

/** The request to look for: read from a request file or paste, or described by an error. */
export interface GivenRequest {
  /** Its parts, the body whole (the ranking abbreviates it as the catalog does). */
  parts: RequestParts;
  /** The test it was sent from, when known. */
  test: string | null;
  /**
   * The request as llama-stack records it (`{method, url, body}`, `{url, method, payload}`,
   * `{provider, tool_name, kwargs}`), numbers lossless, to hash; null when it cannot be hashed.
   */
  hashable: Record<string, unknown> | null;
  /** False when only an error text described it: its body is not known. */
  bodyKnown: boolean;
  /** The hash the recorder computed and could not find (from its error), if any. */
  errorHash: string | null;
  /** The replay failure it comes from, if any. */
  failure: ReplayFailure | null;
}

/** Input that is not a request: exit 2 on the command line, a message on the page. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export interface GivenOptions {
  /** The test the request was sent from (overrides the one the input names). */
  test?: string | null;
  /** With `url`, the input is the bare HTTP body of a request to it. */
  url?: string | null;
  method?: string | null;
}

const MAX_DEPTH = 256;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}

/** A lossless value as plain JSON (numbers as numbers), for diffing and ranking. */
export function toPlain(value: unknown): unknown {
  if (isLosslessNumber(value)) return Number(value.value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toPlain(item);
    return out;
  }
  return value;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (nestsDeeperThan(text, MAX_DEPTH))
    return { ok: false, reason: `it nests deeper than ${MAX_DEPTH} levels` };
  try {
    return { ok: true, value: parseLossless(text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads the request to match from text: llama-stack's request `{method, url, body}` (or its raw
 * HTTP, tool and file-processor shapes), a whole recording envelope `{test_id, request, response}`,
 * or, with `url`, a bare HTTP body (JSON or text). Throws `InputError` for anything else.
 */
export function parseGivenRequest(text: string, options: GivenOptions = {}): GivenRequest {
  const trimmed = text.trim();
  if (options.url) {
    const method = (options.method ?? "POST").toUpperCase();
    let body: unknown = trimmed === "" ? null : trimmed;
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      const parsed = parseJson(trimmed);
      if (parsed.ok) body = parsed.value;
    }
    return {
      parts: httpParts(method, options.url, toPlain(body)),
      test: options.test ?? null,
      hashable: { method, url: options.url, body },
      bodyKnown: true,
      errorHash: null,
      failure: null,
    };
  }
  if (trimmed === "") throw new InputError("the request is empty");
  const parsed = parseJson(trimmed);
  if (!parsed.ok) {
    throw new InputError(
      `the request is not JSON (${parsed.reason}); give --url (and --method) for a bare HTTP body, or --from-error for a test log`,
    );
  }
  const value = parsed.value;
  if (!isRecord(value)) throw new InputError("the request must be a JSON object");
  const envelope = isRecord(value.request) ? value : null;
  const request = envelope && isRecord(value.request) ? value.request : value;
  const plain = toPlain(request);
  const parts = isRecord(plain) ? llamaStackParts(plain) : null;
  if (!parts) {
    throw new InputError(
      'the JSON is not a request: expected {"method", "url", "body"} (llama-stack\'s request), a whole recording {"test_id", "request", "response"}, {"url", "method", "payload"}, or {"provider", "tool_name", "kwargs"}; give --url for a bare HTTP body',
    );
  }
  const recordedTest = envelope?.test_id ?? request.test_id;
  const test = options.test ?? (typeof recordedTest === "string" ? recordedTest : null);
  const hashable: Record<string, unknown> = { ...request };
  if ("uri" in hashable && !("url" in hashable)) hashable.url = hashable.uri;
  return {
    parts,
    test,
    hashable,
    bodyKnown: true,
    errorHash: null,
    failure: null,
  };
}

/** The request a replay failure describes: what its error says, without a body. */
export function givenFromFailure(failure: ReplayFailure): GivenRequest {
  const base = { test: failure.test, bodyKnown: false, failure, hashable: null, errorHash: null };
  switch (failure.kind) {
    case "llama-stack":
      return {
        ...base,
        parts: {
          ...emptyParts("inference"),
          method: failure.method,
          url: failure.url,
          endpoint: urlPath(failure.url),
          model: failure.model,
        },
        errorHash: failure.hash,
      };
    case "llama-stack-tool": {
      const known = failure.kwargs !== undefined;
      return {
        ...base,
        parts: {
          ...emptyParts("tool"),
          provider: failure.provider,
          toolName: failure.toolName,
          body: known ? toPlain(failure.kwargs) : undefined,
        },
        // The kwargs are the whole request of a tool call: it can be hashed and diffed.
        bodyKnown: known,
        hashable: known
          ? { provider: failure.provider, tool_name: failure.toolName, kwargs: failure.kwargs }
          : null,
      };
    }
    case "llama-stack-http":
      return {
        ...base,
        parts: {
          ...emptyParts("raw-http"),
          method: failure.method,
          url: failure.url,
          endpoint: urlPath(failure.url),
        },
      };
    case "vcrpy":
      return { ...base, parts: { ...httpParts(failure.method, failure.url, undefined), body: undefined } };
  }
}
