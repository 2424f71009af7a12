import { z } from "zod";
import type { Envelope } from "@/lib/model/envelope";
import { joinZodPath } from "@/lib/model/json-path";
import type { HttpDetails, HttpHeader } from "@/lib/model/recording-file";
import type { ContainerCall } from "./container";
import { decodeHttpBody, headerMap, type DecodeBudget, type RecordedBody } from "./http-body";

/**
 * What the cassette containers share: the `{Name: [values]}` header lists of the YAML recorders,
 * the host of a URL that may hold placeholders, and turning one interaction's parts into a
 * `ContainerCall`.
 */

/**
 * A header value as text: YAML may have typed it (an unquoted number, `true`, a date); null is
 * empty. Undefined for what cannot be a header value.
 */
function headerText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  return value === null ? "" : undefined;
}

/**
 * One header's values (a list, or one value), as text; null is no header. One check a value
 * rather than a union of five schemas: every cassette has thousands of header values.
 */
const headerValuesSchema = z.unknown().transform((value, ctx): string[] | string | null => {
  if (value === null) return null;
  const texts = Array.isArray(value) ? value.map(headerText) : [headerText(value)];
  const bad = texts.indexOf(undefined);
  if (bad !== -1) {
    const item: unknown = Array.isArray(value) ? value[bad] : value;
    ctx.addIssue({
      code: "custom",
      message: `Invalid input: expected a header value (text, a number, true or false, a date), received ${typeof item}`,
      path: Array.isArray(value) ? [bad] : [],
    });
    return z.NEVER;
  }
  return Array.isArray(value) ? texts.map((text) => text ?? "") : (texts[0] ?? "");
});

/** `{Name: [values]}` as go-vcr and Ruby VCR write headers; absent or null is no headers. */
export const recordedHeadersSchema = z.record(z.string(), headerValuesSchema).nullish();

export type RecordedHeaders = z.infer<typeof recordedHeadersSchema>;

/** The header lines of a recorded `{Name: [values]}` map, names as recorded, in order. */
export function headerList(headers: RecordedHeaders): HttpHeader[] {
  const list: HttpHeader[] = [];
  if (!headers) return list;
  for (const [name, values] of Object.entries(headers)) {
    if (values === null) continue;
    if (typeof values === "string") list.push({ name, value: values });
    else for (const value of values) list.push({ name, value });
  }
  return list;
}

/** A recorded body: text, or bytes from `!!binary` / Ruby `!binary`. */
export const recordedBodySchema = z.union([z.string(), z.instanceof(Uint8Array)]).nullish();

/**
 * The host of a recorded URL without `new URL`, which rejects the placeholders recorders write
 * (`bedrock-runtime.<AWS_REGION>.amazonaws.com`): the text between `://` and the next `/`, `?` or
 * `#`; for a URL that starts with a placeholder (`<OLLAMA_API_BASE>/api/chat`), the placeholder.
 */
export function hostOf(url: string): string | null {
  const scheme = url.indexOf("://");
  if (scheme !== -1) {
    const rest = url.slice(scheme + 3);
    const end = rest.search(/[/?#]/);
    const authority = end === -1 ? rest : rest.slice(0, end);
    const host = authority.slice(authority.lastIndexOf("@") + 1);
    return host === "" ? null : host;
  }
  const placeholder = /^<[^<>/\s]+>/.exec(url);
  return placeholder ? placeholder[0] : null;
}

/** The first issue of a failed zod parse, as `<where>: <message>`. */
export function describeIssue(error: z.ZodError, base: string): string {
  const issue = error.issues[0];
  const where = (issue ? joinZodPath(base, issue.path) : base) || "(root)";
  return `${where}: ${issue?.message ?? "unexpected shape"}`;
}

/** One interaction of a cassette, as the container read it. */
export interface CassetteInteraction {
  testId: string | null;
  method: string;
  url: string;
  host: string | null;
  status: number;
  statusText: string | null;
  requestHeaders: HttpHeader[];
  responseHeaders: HttpHeader[];
  requestBody: RecordedBody;
  responseBody: RecordedBody;
  meta: Record<string, unknown>;
  raw: unknown;
}

/** Decodes both bodies (within the file's `budget`) and builds the `origin: "http"` envelope the providers read. */
export function cassetteCall(interaction: CassetteInteraction, budget: DecodeBudget): ContainerCall {
  const { limits } = budget;
  const { testId, method, url, status, requestHeaders, responseHeaders } = interaction;
  const requestMap = headerMap(requestHeaders);
  const responseMap = headerMap(responseHeaders);
  const request = decodeHttpBody(interaction.requestBody, requestMap, limits, url, budget);
  const response = decodeHttpBody(interaction.responseBody, responseMap, limits, url, budget);
  const problems: string[] = [];
  if (request.problem) problems.push(`request body: ${request.problem}`);
  if (response.problem) problems.push(`response body: ${response.problem}`);
  const envelope: Envelope = {
    origin: "http",
    test_id: testId,
    request: { method, url, headers: requestMap, payload: request.body },
    response: { status, headers: responseMap, body: response.body, is_streaming: response.streaming },
  };
  const http: HttpDetails = {
    method,
    url,
    host: interaction.host,
    status,
    statusText: interaction.statusText,
    requestHeaders,
    responseHeaders,
    meta: interaction.meta,
  };
  return {
    envelope,
    http,
    problem: problems.length === 0 ? null : problems.join("; "),
    raw: interaction.raw,
  };
}
