import { hashedObject } from "@/lib/recording/file-name";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sortKeys(_key: string, value: unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A key equal for two parsed recordings exactly when they record the same request, whatever
 * their test ids: the recorder's hashed fields without the test id, written with the native JSON
 * serializer and sorted keys (Python's `json.dumps` form is only needed for file names).
 */
export function requestIdentity(raw: unknown): string | null {
  if (!isRecord(raw) || !isRecord(raw.request)) return null;
  const hashed = hashedObject({ test_id: raw.test_id, request: raw.request }, false);
  if (!hashed) return null;
  const object = Object.fromEntries(Object.entries(hashed.object).filter(([key]) => key !== "test_id"));
  return JSON.stringify(object, sortKeys);
}
