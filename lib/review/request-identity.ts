import { hashedObject } from "@/lib/recording/file-name";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sortKeys(_key: string, value: unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A key equal for two parsed recordings exactly when `requestKey` is (the recorder's hashed
 * fields, test id left out), written with the native JSON serializer: `requestKey` writes Python's
 * `json.dumps` one character at a time, too slow for every file of a base tree (1.2 s for 700).
 */
export function requestIdentity(raw: unknown): string | null {
  if (!isRecord(raw) || !isRecord(raw.request)) return null;
  const hashed = hashedObject({ test_id: raw.test_id, request: raw.request }, false);
  if (!hashed) return null;
  const object = Object.fromEntries(Object.entries(hashed.object).filter(([key]) => key !== "test_id"));
  return JSON.stringify(object, sortKeys);
}
