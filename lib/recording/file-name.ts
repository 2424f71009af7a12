import { splitUrl } from "@/lib/providers/request-info";

/** How a recording's file name was made, by era (FORMATS.md). */
export type FileNameScheme = "hash-12" | "hash-64" | "models" | "other";

export interface FileNameInfo {
  scheme: FileNameScheme;
  /** The request hash the name carries (12 or 64 hex digits), if any. */
  nameHash: string | null;
  /**
   * The request's hash: the one the name carries when a recorder of some era would have named the
   * file so, else the one today's recorder computes; null when the request shape is unknown.
   */
  computedHash: string | null;
  /** Whether the name still carries the request's hash; null when it cannot be told. */
  matches: boolean | null;
  /** How that hash was computed (which fields), for the reader. */
  basis: string | null;
}

const NAME_PATTERNS: [FileNameScheme, RegExp][] = [
  ["models", /^models-([0-9a-f]{12}|[0-9a-f]{64})-[0-9a-f]{8}\.json$/],
  ["hash-64", /^([0-9a-f]{64})\.json$/],
  ["hash-12", /^([0-9a-f]{12})\.json$/],
];

export function fileNameScheme(fileName: string): { scheme: FileNameScheme; nameHash: string | null } {
  for (const [scheme, pattern] of NAME_PATTERNS) {
    const match = pattern.exec(fileName);
    if (match?.[1]) return { scheme, nameHash: match[1] };
  }
  return { scheme: "other", nameHash: null };
}

/** Endpoints the recorder shares across tests: hashed without the test id. */
const SHARED_ENDPOINTS = new Set(["/api/tags", "/v1/models"]);

/** The object the recorder hashed for this request, by request shape. */
export function hashedObject(
  envelope: { test_id?: unknown; request: Record<string, unknown> },
  withTestId: boolean,
): { object: Record<string, unknown>; basis: string } | null {
  const request = envelope.request;
  const testId = envelope.test_id ?? request.test_id ?? null;
  if ("tool_name" in request && "kwargs" in request) {
    return {
      object: { provider: request.provider, tool_name: request.tool_name, kwargs: request.kwargs },
      basis: "{provider, tool_name, kwargs}",
    };
  }
  if ("payload" in request) {
    return {
      object: { test_id: testId, url: request.url, method: request.method, payload: request.payload },
      basis: "{test_id, url, method, payload}",
    };
  }
  if ("file_id" in request) {
    return {
      object: { test_id: testId, provider: request.provider, api: request.api, file_id: request.file_id },
      basis: "{test_id, provider, api, file_id}",
    };
  }
  if (typeof request.url === "string" && typeof request.method === "string") {
    const endpoint = splitUrl(request.url).path ?? "";
    const object: Record<string, unknown> = {
      method: request.method.toUpperCase(),
      endpoint,
      body: request.body,
    };
    if (withTestId && !SHARED_ENDPOINTS.has(endpoint)) {
      object.test_id = testId;
      return { object, basis: "{method, endpoint, body, test_id}" };
    }
    return { object, basis: "{method, endpoint, body}" };
  }
  return null;
}
