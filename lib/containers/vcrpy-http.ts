import { z } from "zod";
import type { HttpHeader } from "@/lib/model/recording-file";
import { ContainerError, type ContainerCall } from "./container";
import {
  decodeHttpBody,
  headerMap,
  headerValue,
  isStreamUrl,
  type DecodeBudget,
  type DecodedBody,
} from "./http-body";
import { describeIssue, hostOf } from "./cassette-call";
import { markBinary } from "./raw-bytes";

/**
 * vcrpy's request and response as both its layouts write them (`interactions:` of
 * `{request, response}`, and LangChain's `requests:` / `responses:` lists), turned into a call.
 */

/** Parses `value` found at `path` of the cassette, or throws `ContainerError` naming the path. */
export function parseCassettePart<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ContainerError(describeIssue(result.error, path));
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Header bytes (botocore sends some headers as bytes, which vcrpy writes as `!!binary`) as text. */
function headerText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return Buffer.from(bytes).toString("latin1");
  }
}

const headerValueSchema = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.date(), z.instanceof(Uint8Array)])
  .transform((value) => {
    if (value === null) return "";
    if (value instanceof Uint8Array) return headerText(value);
    return value instanceof Date ? value.toISOString() : String(value);
  });

/** `{name: [values]}` in recorded order; LangChain's redacted response headers are single values. */
const headersSchema = z
  .record(z.string(), z.union([z.array(headerValueSchema), headerValueSchema]))
  .nullish()
  .transform((headers): HttpHeader[] =>
    Object.entries(headers ?? {}).flatMap(([name, values]) =>
      (Array.isArray(values) ? values : [values]).map((value) => ({ name, value })),
    ),
  );

/** pydantic-ai writes a JSON body as `parsed_body` (the JSON as a YAML mapping) in place of `body`. */
export const vcrRequestSchema = z.looseObject({
  method: z.string(),
  uri: z.string(),
  headers: headersSchema,
  body: z.unknown().optional(),
  parsed_body: z.unknown().optional(),
});
export type VcrRequest = z.infer<typeof vcrRequestSchema>;

export const vcrResponseSchema = z.looseObject({
  status: z.looseObject({ code: z.number().int(), message: z.string().nullish() }),
  headers: headersSchema,
  body: z.unknown().optional(),
  parsed_body: z.unknown().optional(),
});
export type VcrResponse = z.infer<typeof vcrResponseSchema>;

const recordedSchema = z.union([z.string(), z.instanceof(Uint8Array), z.null()]);

/** Decodes a recorded body: `parsed_body`, a bare body (requests) or `{string: ...}` (responses). */
function decodeBody(
  message: { body?: unknown; parsed_body?: unknown },
  headers: HttpHeader[],
  url: string,
  budget: DecodeBudget,
): DecodedBody {
  if ("parsed_body" in message) {
    // Already the JSON value: handed on as it is.
    const value = message.parsed_body ?? null;
    return { body: value, streaming: Array.isArray(value) && isStreamUrl(url), problem: null };
  }
  let body = message.body;
  if (typeof body === "object" && body !== null && !(body instanceof Uint8Array) && "string" in body) {
    body = body.string;
  }
  const recorded = recordedSchema.safeParse(body ?? null);
  // Anything else is a mapping or list written in place of the text: the JSON value itself.
  if (!recorded.success) return { body, streaming: false, problem: null };
  return decodeHttpBody(recorded.data, headerMap(headers), budget.limits, url, budget);
}

/**
 * One recorded request and response as a call, bodies decoded within the file's `budget`; `raw`
 * is the interaction as it is in the file.
 */
export function httpCall(
  request: VcrRequest,
  response: VcrResponse,
  raw: unknown,
  test: string | null,
  budget: DecodeBudget,
): ContainerCall {
  const method = request.method.toUpperCase();
  const url = request.uri;
  const requestHeaders = headerMap(request.headers);
  const sent = decodeBody(request, request.headers, url, budget);
  const received = decodeBody(response, response.headers, url, budget);
  const problems = [
    sent.problem === null ? null : `request body: ${sent.problem}`,
    received.problem === null ? null : `response body: ${received.problem}`,
  ].filter((problem) => problem !== null);
  return {
    envelope: {
      origin: "http",
      test_id: test,
      request: { method, url, headers: requestHeaders, payload: sent.body },
      response: {
        status: response.status.code,
        headers: headerMap(response.headers),
        body: received.body,
        is_streaming: received.streaming,
      },
    },
    http: {
      method,
      url,
      host: hostOf(url) ?? headerValue(requestHeaders, "host"),
      status: response.status.code,
      statusText: response.status.message ?? null,
      requestHeaders: request.headers,
      responseHeaders: response.headers,
      meta: {},
    },
    problem: problems.length === 0 ? null : problems.join("; "),
    raw: markBinary(raw),
  };
}
