import { z } from "zod";
import type { ReadLimits } from "@/lib/model/limits";
import type { HttpHeader } from "@/lib/model/recording-file";
import { nestsDeeperThan } from "@/lib/model/json-depth";
import { ContainerError, type Container, type ContainerCall, type OpenedContainer } from "./container";
import { base64Bytes } from "./base64";
import { cassetteCall, describeIssue, hostOf } from "./cassette-call";
import { DecodeBudget, type RecordedBody } from "./http-body";

/**
 * HAR files as Polly.JS writes them (`persister:fs`, `<suite>_<hash>/<test>_<hash>/recording.har`).
 * Entries are kept in array order: Polly sorts them by `startedDateTime` on save, and its `_order`
 * counts repeats of one request (`_id`), not the file's order.
 */

const headerSchema = z.looseObject({ name: z.string(), value: z.string() });

const entrySchema = z.looseObject({
  _id: z.string().optional(),
  _order: z.number().optional(),
  request: z.looseObject({
    method: z.string(),
    url: z.string(),
    headers: z.array(headerSchema),
    postData: z.looseObject({ text: z.string().optional() }).optional(),
  }),
  response: z.looseObject({
    status: z.number().int(),
    statusText: z.string().optional(),
    headers: z.array(headerSchema),
    content: z.looseObject({ text: z.string().optional(), encoding: z.string().optional() }),
  }),
  startedDateTime: z.string().optional(),
  time: z.number().optional(),
  timings: z.record(z.string(), z.unknown()).optional(),
});
type Entry = z.infer<typeof entrySchema>;

const harSchema = z.looseObject({
  log: z.looseObject({ _recordingName: z.string().optional(), entries: z.array(z.unknown()) }),
});

const chunksSchema = z.array(z.string());

/** Keys a HAR `log` object starts with (Polly puts `_recordingName` first, browsers `version`). */
const LOG_KEYS =
  /^\uFEFF?\s*\{\s*"log"\s*:\s*\{\s*(?:\}|"(?:_[^"]*|version|creator|browser|pages|entries|comment)")/;

/** The test of a recording: Polly's recording name, else its folders without the `_<hash>` suffixes. */
export function harTestName(recordingName: string | undefined, relPath: string): string | null {
  if (recordingName) return recordingName;
  const folders = relPath.split(/[/\\]/).slice(0, -1);
  const named: string[] = [];
  for (let i = folders.length - 1; i >= 0; i--) {
    const match = /^(.+)_\d+$/.exec(folders[i] ?? "");
    if (!match?.[1]) break;
    named.unshift(match[1]);
  }
  return named.length > 0 ? named.join("/") : null;
}

/**
 * The recorded bytes of a `content.encoding: "base64"` body: one base64 string (AWS eventstream),
 * or, as Polly's node adapter writes it, a JSON array of base64 chunks in a string.
 */
function base64Body(text: string): { bytes: Uint8Array | null; problem: string | null } {
  if (text.trimStart().startsWith("[")) {
    let chunks: string[];
    try {
      chunks = chunksSchema.parse(JSON.parse(text));
    } catch {
      return {
        bytes: null,
        problem: "the base64 body looks like a list of chunks but is not a JSON list of strings",
      };
    }
    const parts: Uint8Array[] = [];
    for (const [index, chunk] of chunks.entries()) {
      const bytes = base64Bytes(chunk);
      if (!bytes) return { bytes: null, problem: `chunk ${index} of the base64 body is not base64` };
      parts.push(bytes);
    }
    return { bytes: Buffer.concat(parts), problem: null };
  }
  const bytes = base64Bytes(text);
  return bytes ? { bytes, problem: null } : { bytes: null, problem: "the base64 body is not base64" };
}

/**
 * The recorded response body: text as Polly kept it, or the bytes of a base64 body. Base64 that
 * is not base64 is handed on as the recorded text, with the problem.
 */
function recordedResponse(content: Entry["response"]["content"]): {
  body: RecordedBody;
  problem: string | null;
} {
  if (content.text === undefined) return { body: null, problem: null };
  const encoding = (content.encoding ?? "").toLowerCase();
  if (encoding === "" || encoding === "utf8" || encoding === "utf-8") {
    return { body: content.text, problem: null };
  }
  if (encoding !== "base64") {
    return { body: content.text, problem: `the body has an unknown encoding "${content.encoding}"` };
  }
  const { bytes, problem } = base64Body(content.text);
  return { body: bytes ?? content.text, problem };
}

function headersOf(headers: readonly { name: string; value: string }[]): HttpHeader[] {
  return headers.map(({ name, value }) => ({ name, value }));
}

function toCall(entry: Entry, raw: unknown, test: string | null, budget: DecodeBudget): ContainerCall {
  const { request, response } = entry;
  const recorded = recordedResponse(response.content);
  const meta: Record<string, unknown> = {};
  for (const key of ["_id", "_order", "startedDateTime", "time", "timings"] as const) {
    if (entry[key] !== undefined) meta[key] = entry[key];
  }
  const call = cassetteCall(
    {
      testId: test,
      method: request.method.toUpperCase(),
      url: request.url,
      host: hostOf(request.url),
      status: response.status,
      statusText: response.statusText ?? null,
      requestHeaders: headersOf(request.headers),
      responseHeaders: headersOf(response.headers),
      requestBody: request.postData?.text,
      responseBody: recorded.body,
      meta,
      raw,
    },
    budget,
  );
  if (!recorded.problem) return call;
  const problem = `response body: ${recorded.problem}`;
  return { ...call, problem: call.problem ? `${problem}; ${call.problem}` : problem };
}

function openHar(text: string, relPath: string, limits: ReadLimits): OpenedContainer {
  if (nestsDeeperThan(text, limits.maxDepth)) {
    throw new ContainerError(`the HAR nests more than ${limits.maxDepth} levels deep; it is not read`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ContainerError(
      `invalid JSON in the HAR: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const har = harSchema.safeParse(value);
  if (!har.success) throw new ContainerError(`not a HAR: ${describeIssue(har.error, "")}`);
  const { entries, _recordingName } = har.data.log;
  const test = harTestName(_recordingName, relPath);
  const budget = new DecodeBudget(limits);
  const calls = entries.map((raw, index) => {
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) {
      throw new ContainerError(
        `HAR entry ${index} cannot be read: ${describeIssue(entry.error, `log.entries[${index}]`)}`,
      );
    }
    return toCall(entry.data, raw, test, budget);
  });
  const notes = calls.length === 0 ? ["the HAR has no entries"] : [];
  return { format: "har", test, calls, notes };
}

export const harContainer: Container = {
  format: "har",
  sniff: (head) => LOG_KEYS.test(head),
  open: openHar,
};
