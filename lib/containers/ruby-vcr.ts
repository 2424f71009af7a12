import { z } from "zod";
import type { ReadLimits } from "@/lib/model/limits";
import { DecodeBudget, type RecordedBody } from "./http-body";
import {
  cassetteCall,
  describeIssue,
  headerList,
  hostOf,
  recordedBodySchema,
  recordedHeadersSchema,
} from "./cassette-call";
import { ContainerError, type Container, type ContainerCall, type OpenedContainer } from "./container";
import { base64Bytes } from "./base64";
import { markBinary } from "./raw-bytes";
import { loadYaml } from "./yaml";

/**
 * Ruby VCR's cassettes: `{http_interactions: [{request: {method, uri, body: {encoding, string},
 * headers}, response: {status: {code, message}, headers, body: {encoding, string}}, recorded_at}],
 * recorded_with}`. `string` is text, or Ruby `!binary` (base64 of the raw bytes) for bytes that
 * are not printable UTF-8; `preserve_exact_body_bytes` writes `base64_string` instead.
 */

const bodySchema = z
  .looseObject({
    encoding: z.string().nullish(),
    string: recordedBodySchema,
    base64_string: z.string().nullish(),
  })
  .nullish();

const requestSchema = z.looseObject({
  method: z.string(),
  uri: z.string(),
  body: bodySchema,
  headers: recordedHeadersSchema,
});

const responseSchema = z.looseObject({
  status: z.looseObject({ code: z.number().int(), message: z.string().nullish() }),
  headers: recordedHeadersSchema,
  body: bodySchema,
});

const interactionSchema = z.looseObject({
  request: requestSchema,
  response: responseSchema,
  // VCR writes RFC 2822 (`Wed, 19 Aug 2026 14:36:51 GMT`); an ISO date would load as a Date.
  recorded_at: z.union([z.string(), z.date()]).nullish(),
});

const cassetteSchema = z.looseObject({
  http_interactions: z.array(z.unknown()).nullable(),
  recorded_with: z.string().nullish(),
});

type RecordedBodyField = z.infer<typeof bodySchema>;

/** The recorded bytes or text; `base64_string` that is not base64 is kept as text, with the problem. */
function bodyOf(body: RecordedBodyField): { body: RecordedBody; problem: string | null } {
  if (!body) return { body: null, problem: null };
  if (body.base64_string !== null && body.base64_string !== undefined) {
    const bytes = base64Bytes(body.base64_string);
    return bytes
      ? { body: bytes, problem: null }
      : { body: body.base64_string, problem: "the base64_string body is not base64" };
  }
  return { body: body.string, problem: null };
}

/**
 * The cassette's name: the path below the cassette library (`vcr_cassettes/` or `cassettes/`),
 * without `.yml`; VCR names cassettes by the spec's description (`chat_basic_chat_..._conversation`).
 */
export function rubyCassetteName(relPath: string): string {
  const segments = relPath
    .replace(/\\/g, "/")
    .replace(/\.ya?ml$/i, "")
    .split("/");
  let at = -1;
  segments.forEach((segment, index) => {
    if (index < segments.length - 1 && /^(vcr_)?cassettes$/.test(segment)) at = index;
  });
  return segments.slice(at === -1 ? -1 : at + 1).join("/");
}

function openInteraction(item: unknown, index: number, testId: string, budget: DecodeBudget): ContainerCall {
  const parsed = interactionSchema.safeParse(item);
  if (!parsed.success) {
    throw new ContainerError(
      `not a Ruby VCR interaction: ${describeIssue(parsed.error, `http_interactions[${index}]`)}`,
    );
  }
  const { request, response, recorded_at: recordedAt } = parsed.data;
  const meta: Record<string, unknown> = {};
  if (recordedAt) meta.recorded_at = recordedAt instanceof Date ? recordedAt.toISOString() : recordedAt;
  const requestBody = bodyOf(request.body);
  const responseBody = bodyOf(response.body);
  const call = cassetteCall(
    {
      testId,
      method: request.method.toUpperCase(),
      url: request.uri,
      host: hostOf(request.uri),
      status: response.status.code,
      statusText: response.status.message || null,
      requestHeaders: headerList(request.headers),
      responseHeaders: headerList(response.headers),
      requestBody: requestBody.body,
      responseBody: responseBody.body,
      meta,
      // `!!binary` bytes shown as `{$binary}` in the raw view, not as a map of byte indices.
      raw: markBinary(item),
    },
    budget,
  );
  const problems = [
    requestBody.problem === null ? null : `request body: ${requestBody.problem}`,
    responseBody.problem === null ? null : `response body: ${responseBody.problem}`,
    call.problem,
  ].filter((problem) => problem !== null);
  return { ...call, problem: problems.length > 0 ? problems.join("; ") : null };
}

function open(text: string, relPath: string, limits: ReadLimits): OpenedContainer {
  const cassette = cassetteSchema.safeParse(loadYaml(text, limits));
  if (!cassette.success) {
    throw new ContainerError(`not a Ruby VCR cassette: ${describeIssue(cassette.error, "")}`);
  }
  const testId = rubyCassetteName(relPath);
  const items = cassette.data.http_interactions ?? [];
  const budget = new DecodeBudget(limits);
  const calls = items.map((item, index) => openInteraction(item, index, testId, budget));
  const notes = calls.length === 0 ? ["the cassette holds no interactions"] : [];
  return { format: "ruby-vcr", test: testId, calls, notes };
}

export const rubyVcrContainer: Container = {
  format: "ruby-vcr",
  sniff: (head) => /^http_interactions:/m.test(head),
  open,
};
