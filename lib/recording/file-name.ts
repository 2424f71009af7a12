import { createHash } from "node:crypto";
import { parse as parseLossless } from "lossless-json";
import { z } from "zod";
import { splitUrl } from "@/lib/providers/request-info";
import { pythonJsonDumps } from "./python-json";

/** How a recording's file name was made, by era (FORMATS.md). */
export type FileNameScheme = "hash-12" | "hash-64" | "models" | "other";

export interface FileNameInfo {
  scheme: FileNameScheme;
  /** The request hash the name carries (12 or 64 hex digits), if any. */
  nameHash: string | null;
  /** The hash the recorder would compute for this request today, if the request shape is known. */
  computedHash: string | null;
  /** Whether the name still carries the request's hash; null when it cannot be told. */
  matches: boolean | null;
  /** How the hash was computed (which fields), for the reader. */
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

const losslessEnvelope = z.looseObject({
  test_id: z.unknown().optional(),
  request: z.record(z.string(), z.unknown()),
});

/** Endpoints the recorder shares across tests: hashed without the test id. */
const SHARED_ENDPOINTS = new Set(["/api/tags", "/v1/models"]);

/** The object the recorder hashed for this request, by request shape. */
export function hashedObject(
  envelope: z.infer<typeof losslessEnvelope>,
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

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Tells the file-name scheme and whether the name still matches the hash of the request.
 * `text` is the file's text (parsed again losslessly, so numbers hash as the recorder wrote them).
 */
export function fileNameInfo(fileName: string, text: string): FileNameInfo {
  const { scheme, nameHash } = fileNameScheme(fileName);
  let parsed: unknown;
  try {
    parsed = parseLossless(text);
  } catch {
    return { scheme, nameHash, computedHash: null, matches: null, basis: null };
  }
  const envelope = losslessEnvelope.safeParse(parsed);
  if (!envelope.success) return { scheme, nameHash, computedHash: null, matches: null, basis: null };
  // 12-hex names come from before test ids were hashed; 64-hex ones include the test id.
  const hashed = hashedObject(envelope.data, scheme !== "hash-12");
  if (!hashed) return { scheme, nameHash, computedHash: null, matches: null, basis: null };
  const computedHash = sha256(pythonJsonDumps(hashed.object));
  const matches = nameHash === null ? null : computedHash.startsWith(nameHash);
  return { scheme, nameHash, computedHash, matches, basis: hashed.basis };
}
