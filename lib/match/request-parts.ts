import { splitUrl } from "@/lib/providers/request-info";

/**
 * What kind of request a recording holds, which decides what its recorder matches on:
 * llama-stack inference `{method, endpoint, body}` (+ test id), raw HTTP `{method, url, payload}`
 * (+ test id), tool invocations `{provider, tool_name, kwargs}`, file processors
 * `{provider, api, file_id}`, and a cassette's HTTP request `{method, url, body}`.
 */
export type RequestShape = "inference" | "raw-http" | "tool" | "file" | "http";

/** One request, in the parts every recorder's matching is made of. */
export interface RequestParts {
  shape: RequestShape;
  /** Upper case. */
  method: string | null;
  url: string | null;
  /** The URL path. */
  endpoint: string | null;
  model: string | null;
  /** The body, payload or kwargs as recorded; `undefined` when not known (an error text). */
  body: unknown;
  provider: string | null;
  toolName: string | null;
  api: string | null;
  fileId: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** The model a body names (`model`, as OpenAI, Ollama and Anthropic bodies do). */
export function bodyModel(body: unknown): string | null {
  return isRecord(body) ? text(body.model) : null;
}

export function urlPath(url: string | null): string | null {
  return url === null ? null : splitUrl(url).path;
}

export function emptyParts(shape: RequestShape): RequestParts {
  return {
    shape,
    method: null,
    url: null,
    endpoint: null,
    model: null,
    body: undefined,
    provider: null,
    toolName: null,
    api: null,
    fileId: null,
  };
}

/** An HTTP request: a cassette's, or one given with `--url`. */
export function httpParts(
  method: string | null,
  url: string | null,
  body: unknown,
  model: string | null = null,
): RequestParts {
  return {
    ...emptyParts("http"),
    method: method?.toUpperCase() ?? null,
    url,
    endpoint: urlPath(url),
    model: model ?? bodyModel(body),
    body,
  };
}

/**
 * The parts of a llama-stack `request` object (any era), or null for a shape no recorder wrote.
 * A vcrpy-style `uri` is read as the URL.
 */
export function llamaStackParts(request: Record<string, unknown>): RequestParts | null {
  if ("tool_name" in request && "kwargs" in request) {
    return {
      ...emptyParts("tool"),
      provider: text(request.provider),
      toolName: text(request.tool_name),
      body: request.kwargs,
    };
  }
  if ("file_id" in request && "api" in request) {
    return {
      ...emptyParts("file"),
      provider: text(request.provider),
      api: text(request.api),
      fileId: text(request.file_id),
    };
  }
  const url = text(request.url) ?? text(request.uri);
  const method = text(request.method)?.toUpperCase() ?? null;
  if (url === null) return null;
  if ("payload" in request) {
    return {
      ...emptyParts("raw-http"),
      method,
      url,
      endpoint: urlPath(url),
      model: bodyModel(request.payload),
      body: request.payload,
    };
  }
  return {
    ...emptyParts("inference"),
    method,
    url,
    endpoint: urlPath(url),
    model: text(request.model) || bodyModel(request.body),
    body: request.body,
  };
}

/**
 * The object a recording of `shape` is matched on, built from `parts` (the candidate's own, or
 * the given request's read as that shape): the fields the recorder compares, named as the
 * recording names them, so a difference reads `body.temperature` or `payload.query`.
 */
export function comparable(shape: RequestShape, parts: RequestParts): Record<string, unknown> {
  switch (shape) {
    case "inference":
      return { method: parts.method, endpoint: parts.endpoint, body: parts.body };
    case "raw-http":
      return { method: parts.method, url: parts.url, payload: parts.body };
    case "tool":
      return { provider: parts.provider, tool_name: parts.toolName, kwargs: parts.body };
    case "file":
      return { provider: parts.provider, api: parts.api, file_id: parts.fileId };
    case "http":
      return { method: parts.method, url: parts.url, body: parts.body };
  }
}
