import { z } from "zod";
import type { ReadLimits } from "@/lib/model/limits";
import {
  cassetteCall,
  describeIssue,
  headerList,
  hostOf,
  recordedBodySchema,
  recordedHeadersSchema,
} from "./cassette-call";
import { ContainerError, type Container, type ContainerCall, type OpenedContainer } from "./container";
import { DecodeBudget, type RecordedBody } from "./http-body";
import { markBinary } from "./raw-bytes";
import { loadYaml } from "./yaml";
import { escapedByteStrings } from "./yaml-byte-strings";

/**
 * go-vcr's cassettes (format `version: 2`, written by go-vcr v2 to v4):
 * `{version: 2, interactions: [{id, request: {proto, host, body, form, headers, url, method, ...},
 * response: {proto, body, headers, status: "200 OK", code, duration, ...}}]}`. Bodies are text
 * (`!!binary` for bytes); headers are `{Name: [values]}`.
 */

const requestSchema = z.looseObject({
  proto: z.string().nullish(),
  host: z.string().nullish(),
  body: recordedBodySchema,
  headers: recordedHeadersSchema,
  url: z.string(),
  method: z.string(),
});

const responseSchema = z.looseObject({
  proto: z.string().nullish(),
  body: recordedBodySchema,
  headers: recordedHeadersSchema,
  status: z.string().nullish(),
  code: z.number().int(),
  // A Go duration string (`809ms`, `1.149s`); go-vcr v1 wrote nanoseconds.
  duration: z.union([z.string(), z.number()]).nullish(),
});

const interactionSchema = z.looseObject({
  id: z.number().int().nullish(),
  request: requestSchema,
  response: responseSchema,
});

const cassetteSchema = z.looseObject({
  version: z.literal(2),
  interactions: z.array(z.unknown()).nullable(),
});

/**
 * The test a cassette belongs to, as `<package dir>::<Go test path>`: go-vcr tests name their
 * cassette `testdata/<t.Name()>.yaml`, so `providers/anthropic/testdata/TestClient/Scoreboard/m/
 * GenSync.yaml` is `providers/anthropic::TestClient/Scoreboard/m/GenSync`. The package is kept
 * because every package has a `TestClient/Warmup`; `::` splits it the way pytest ids split file
 * and test, so the index groups cassettes by package. Without a `testdata/` folder the parent
 * folder stands for the package.
 */
export function goTestId(relPath: string): string {
  const path = relPath.replace(/\\/g, "/").replace(/\.ya?ml$/i, "");
  const segments = path.split("/");
  const at = segments.lastIndexOf("testdata");
  const packageDir = at === -1 ? segments.slice(0, -1) : segments.slice(0, at);
  const test = at === -1 ? segments.slice(-1) : segments.slice(at + 1);
  const name = test.join("/");
  return packageDir.length === 0 ? name : `${packageDir.join("/")}::${name}`;
}

/** `404 Not Found` → `Not Found`; Go writes the code before the reason phrase. */
function reasonPhrase(status: string | null | undefined): string | null {
  if (!status) return null;
  const phrase = status.replace(/^\d{3}\s*/, "");
  return phrase === "" ? null : phrase;
}

/** A body as recorded, or its bytes when it is a string of escaped bytes (see `yaml-byte-strings.ts`). */
function bodyOf(body: RecordedBody, byteStrings: ReadonlyMap<string, Uint8Array>): RecordedBody {
  return typeof body === "string" && byteStrings.size > 0 ? (byteStrings.get(body) ?? body) : body;
}

function openInteraction(
  item: unknown,
  index: number,
  testId: string,
  byteStrings: ReadonlyMap<string, Uint8Array>,
  budget: DecodeBudget,
): ContainerCall {
  const parsed = interactionSchema.safeParse(item);
  if (!parsed.success) {
    throw new ContainerError(
      `not a go-vcr interaction: ${describeIssue(parsed.error, `interactions[${index}]`)}`,
    );
  }
  const { request, response } = parsed.data;
  const meta: Record<string, unknown> = {};
  if (response.duration !== null && response.duration !== undefined) meta.duration = response.duration;
  if (response.proto) meta.proto = response.proto;
  return cassetteCall(
    {
      testId,
      method: request.method.toUpperCase(),
      url: request.url,
      host: request.host || hostOf(request.url),
      status: response.code,
      statusText: reasonPhrase(response.status),
      requestHeaders: headerList(request.headers),
      responseHeaders: headerList(response.headers),
      requestBody: bodyOf(request.body, byteStrings),
      responseBody: bodyOf(response.body, byteStrings),
      meta,
      // `!!binary` bytes shown as `{$binary}` in the raw view, not as a map of byte indices.
      raw: markBinary(item),
    },
    budget,
  );
}

function open(text: string, relPath: string, limits: ReadLimits): OpenedContainer {
  const cassette = cassetteSchema.safeParse(loadYaml(text, limits));
  if (!cassette.success) {
    throw new ContainerError(`not a go-vcr cassette: ${describeIssue(cassette.error, "")}`);
  }
  const testId = goTestId(relPath);
  const items = cassette.data.interactions ?? [];
  const byteStrings = escapedByteStrings(text, limits);
  const budget = new DecodeBudget(limits);
  const calls = items.map((item, index) => openInteraction(item, index, testId, byteStrings, budget));
  const notes = calls.length === 0 ? ["the cassette holds no interactions"] : [];
  return { format: "go-vcr", test: testId, calls, notes };
}

export const goVcrContainer: Container = {
  format: "go-vcr",
  // `version: 2` and `interactions:` at the top level, whose items start with `- id:` (vcrpy
  // writes `version: 1` and no ids).
  sniff: (head) =>
    /^version:[ \t]*2[ \t]*$/m.test(head) &&
    /^interactions:/m.test(head) &&
    (/^[ \t]*-[ \t]+id:[ \t]/m.test(head) || /^interactions:[ \t]*\[\][ \t]*$/m.test(head)),
  open,
};
