import type { ReadLimits } from "@/lib/model/limits";
import { ContainerError, type Container, type ContainerCall, type OpenedContainer } from "./container";
import { cassetteCall, hostOf } from "./cassette-call";
import { DecodeBudget } from "./http-body";
import { dechunk, isChunked, splitMessage, type RawMessage } from "./http-message";

/**
 * httprr traces (Go's `golang.org/x/oscar/internal/httprr`, as adapted by langchaingo): the line
 * `httprr trace v1`, then records `<request bytes> <response bytes>\n` followed by that many bytes
 * of a raw request (absolute URL in the request line) and of a raw response. Lengths count bytes,
 * so the reading works on bytes.
 */

const MAGIC = "httprr trace v1";
const utf8 = new TextDecoder("utf-8");

/** The test a trace belongs to: `testdata/<TestName>.httprr[.gz]` → `<TestName>` (subtests are `TestX-sub`). */
export function httprrTestName(relPath: string): string | null {
  const match = /([^/\\]+?)\.httprr(?:\.gz)?$/.exec(relPath);
  return match?.[1] ?? null;
}

interface Framed {
  request: Uint8Array;
  response: Uint8Array;
}

/** Cuts the records out of the trace, checking each declared length against what remains. */
function frame(bytes: Uint8Array): Framed[] {
  const header = utf8.decode(bytes.subarray(0, MAGIC.length + 2));
  let at: number;
  if (header.startsWith(`${MAGIC}\n`)) at = MAGIC.length + 1;
  else if (header.startsWith(`${MAGIC}\r\n`)) at = MAGIC.length + 2;
  else throw new ContainerError(`not an httprr trace: the first line is not "${MAGIC}"`);
  const records: Framed[] = [];
  while (at < bytes.length) {
    const index = records.length;
    const lf = bytes.indexOf(0x0a, at);
    const line = utf8
      .decode(bytes.subarray(at, lf === -1 ? Math.min(bytes.length, at + 80) : lf))
      .replace(/\r$/, "");
    const lengths = /^(\d{1,15}) (\d{1,15})$/.exec(line);
    if (lf === -1 || !lengths) {
      throw new ContainerError(
        `record ${index} of the httprr trace (byte ${at}) does not start with a "<request bytes> <response bytes>" line: found ${JSON.stringify(line.slice(0, 80))}`,
      );
    }
    const requestLength = Number(lengths[1]);
    const responseLength = Number(lengths[2]);
    const start = lf + 1;
    const remaining = bytes.length - start;
    if (requestLength + responseLength > remaining) {
      throw new ContainerError(
        `record ${index} of the httprr trace declares a ${requestLength}-byte request and a ${responseLength}-byte response, but only ${remaining} bytes remain in the file`,
      );
    }
    records.push({
      request: bytes.subarray(start, start + requestLength),
      response: bytes.subarray(start + requestLength, start + requestLength + responseLength),
    });
    at = start + requestLength + responseLength;
  }
  return records;
}

/** The body bytes of a message with chunked framing undone (bounded by the limits). */
function bodyOf(message: RawMessage, limits: ReadLimits): { bytes: Uint8Array; problem: string | null } {
  if (!isChunked(message.headers)) return { bytes: message.body, problem: null };
  return dechunk(message.body, limits.maxDecodedBytes);
}

function parseRequestLine(line: string, index: number): { method: string; target: string } {
  const match = /^([A-Za-z]+) (\S+) HTTP\/\d(?:\.\d)?$/.exec(line);
  if (!match?.[1] || !match[2]) {
    throw new ContainerError(
      `record ${index} of the httprr trace: the request does not start with "<METHOD> <URL> HTTP/1.1" (found ${JSON.stringify(line.slice(0, 80))})`,
    );
  }
  return { method: match[1].toUpperCase(), target: match[2] };
}

function parseStatusLine(line: string, index: number): { proto: string; status: number; statusText: string } {
  const match = /^(HTTP\/\d(?:\.\d)?) (\d{3})(?: (.*))?$/.exec(line);
  if (!match?.[1] || !match[2]) {
    throw new ContainerError(
      `record ${index} of the httprr trace: the response does not start with "HTTP/1.1 <status> <text>" (found ${JSON.stringify(line.slice(0, 80))})`,
    );
  }
  return { proto: match[1], status: Number(match[2]), statusText: match[3] ?? "" };
}

/** An origin-form target (`/v1/x`) made absolute from the Host header; WriteProxy writes absolute URLs. */
function absoluteUrl(target: string, request: RawMessage): string {
  if (!target.startsWith("/")) return target;
  const host = request.headers.find((header) => header.name.toLowerCase() === "host")?.value;
  return host ? `http://${host}${target}` : target;
}

function toCall(record: Framed, index: number, test: string | null, budget: DecodeBudget): ContainerCall {
  const { limits } = budget;
  const request = splitMessage(record.request);
  const response = splitMessage(record.response);
  const { method, target } = parseRequestLine(request.startLine, index);
  const { proto, status, statusText } = parseStatusLine(response.startLine, index);
  const url = absoluteUrl(target, request);
  const problems: string[] = [];
  if (request.unterminated) problems.push("the request's headers have no blank line after them");
  if (response.unterminated) problems.push("the response's headers have no blank line after them");

  const requestBody = bodyOf(request, limits);
  const responseBody = bodyOf(response, limits);
  if (requestBody.problem) problems.push(`request body: ${requestBody.problem}`);
  if (responseBody.problem) problems.push(`response body: ${responseBody.problem}`);
  const call = cassetteCall(
    {
      testId: test,
      method,
      url,
      host: hostOf(url),
      status,
      statusText,
      requestHeaders: request.headers,
      responseHeaders: response.headers,
      requestBody: requestBody.bytes,
      responseBody: responseBody.bytes,
      meta: { proto },
      raw: { request: utf8.decode(record.request), response: utf8.decode(record.response) },
    },
    budget,
  );
  if (call.problem) problems.push(call.problem);
  return { ...call, problem: problems.length > 0 ? problems.join("; ") : null };
}

/** Reads an httprr trace from its bytes (lengths in the file are byte counts). */
export function openHttprrBytes(bytes: Uint8Array, relPath: string, limits: ReadLimits): OpenedContainer {
  const records = frame(bytes);
  const test = httprrTestName(relPath);
  const budget = new DecodeBudget(limits);
  const calls = records.map((record, index) => toCall(record, index, test, budget));
  const notes =
    calls.length === 0 ? ["an empty trace: the recorder wrote the header line and no records"] : [];
  return { format: "httprr", test, calls, notes };
}

export const httprrContainer: Container = {
  format: "httprr",
  sniff: (head) => head.startsWith(`${MAGIC}\n`) || head.startsWith(`${MAGIC}\r\n`),
  // Text (from git, for a diff) is encoded again; files are read as bytes (`openBytes`).
  open: (text, relPath, limits) => openHttprrBytes(Buffer.from(text, "utf8"), relPath, limits),
  openBytes: openHttprrBytes,
};
