import type { RecordedError } from "@/lib/model/exchange";
import { parseBoundedJson } from "@/lib/model/json-depth";
import { errorFromBody } from "./raw-http";

/**
 * An error body as a value: a body kept as text because of its content type (Gemini answers a
 * failed `?alt=sse` call with a JSON error labelled `text/event-stream`) is parsed when it is a
 * JSON object; anything else is returned as it is.
 */
export function errorBodyValue(body: unknown): unknown {
  if (typeof body !== "string" || body.trimStart().charCodeAt(0) !== 0x7b) return body;
  try {
    return parseBoundedJson(body);
  } catch {
    return body;
  }
}

/** The error of an HTTP error reply (status 400 and above); `body` stays as recorded. */
export function httpError(body: unknown, status: number | null): RecordedError {
  return { ...errorFromBody(errorBodyValue(body), status), body };
}

/** True for a status of 400 and above. */
export function isErrorStatus(status: number | null | undefined): status is number {
  return typeof status === "number" && status >= 400;
}
