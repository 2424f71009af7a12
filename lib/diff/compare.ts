import type { Exchange } from "@/lib/model/exchange";
import type { Change } from "./change";
import type { NoiseContext } from "./noise";
import { rawDiff } from "./raw-diff";
import { responseChanges } from "./response-diff";
import { streamDiff, type StreamDiff } from "./stream-diff";

export const VERDICTS = ["identical", "noise", "response", "request", "error"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One side of a comparison: a decoded recording with the text and JSON it came from. */
export interface DecodedSide {
  text: string | null;
  /** The JSON diffed leaf by leaf: a llama-stack file as parsed, a cassette interaction as `comparable.ts` lays it out. */
  raw: unknown;
  exchange: Exchange;
  /** Which noise rules apply: a llama-stack recording's (the default) or a cassette interaction's. */
  context?: NoiseContext;
  /** A cassette interaction's bodies as recorded, by path in `raw` (see `comparable.ts`). */
  encodedBodies?: ReadonlyMap<string, unknown>;
}

export interface Comparison {
  verdict: Verdict;
  /** Request differences (model, parameters, messages, tools), noise left out. */
  request: Change[];
  /** Reply differences in the reader's terms (text, reasoning, tool calls, finish reason, usage). */
  response: Change[];
  stream: StreamDiff;
  /** Differences that are noise, each with the rule that made it noise: hidden by default. */
  noise: Change[];
  /**
   * Raw response differences that are not noise (fields outside the message, a model's details):
   * they count in the verdict, and `tapedeck diff --json` lists them under `response`.
   */
  rawResponse: Change[];
  /** One line for lists. */
  summary: string;
}

function brief(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text === undefined) return "∅";
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** Both values, shortened around where two strings first differ. */
function briefPair(before: unknown, after: unknown): [string, string] {
  if (typeof before !== "string" || typeof after !== "string") return [brief(before), brief(after)];
  if (before.length <= 40 && after.length <= 40) return [brief(before), brief(after)];
  let common = 0;
  while (common < before.length && common < after.length && before[common] === after[common]) common++;
  const start = Math.max(0, common - 12);
  if (start === 0) return [brief(before), brief(after)];
  return [`…${brief(before.slice(start))}`, `…${brief(after.slice(start))}`];
}

function describe(changes: Change[]): string {
  const first = changes[0];
  if (!first) return "";
  const [before, after] = briefPair(first.before, first.after);
  const head =
    first.kind === "changed" ? `${first.path}: ${before} → ${after}` : `${first.path} ${first.kind}`;
  return changes.length > 1 ? `${head} (+${changes.length - 1} more)` : head;
}

function isError(exchange: Exchange): boolean {
  return exchange.response.type === "error";
}

/** Keys that carry a stream's text: a re-chunked stream differs in these (and in its chunk count) alone. */
const CHUNK_TEXT =
  /^(content|text|delta|arguments|partial_json|reasoning|reasoning_content|thinking|response|data)$/;

/** Whether a raw response difference is one a re-chunking makes: a chunk's text, or a chunk added or dropped. */
function isChunking(change: Change): boolean {
  const last = /(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\])$/.exec(change.path);
  if (!last) return false;
  if (last[2] !== undefined) return change.kind !== "changed";
  return CHUNK_TEXT.test(last[1] ?? "");
}

function sameEncoded(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "string" || typeof b === "string") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function sizeOf(value: unknown): string {
  if (typeof value === "string") return `${value.length} characters as recorded`;
  return `${JSON.stringify(value)?.length ?? 0} characters of JSON as recorded`;
}

/** Bodies whose recorded form changed (gzip, base64, whitespace) while what they decode to did not. */
function encodingNoise(a: DecodedSide, b: DecodedSide, lists: readonly (readonly Change[])[]): Change[] {
  const out: Change[] = [];
  if (!a.encodedBodies || !b.encodedBodies) return out;
  for (const [path, before] of a.encodedBodies) {
    if (!b.encodedBodies.has(path)) continue;
    const after = b.encodedBodies.get(path);
    if (sameEncoded(before, after)) continue;
    if (
      lists.some((changes) =>
        changes.some(
          (change) =>
            change.path === path || change.path.startsWith(`${path}.`) || change.path.startsWith(`${path}[`),
        ),
      )
    ) {
      continue;
    }
    out.push({ path, kind: "changed", before: sizeOf(before), after: sizeOf(after), rule: "body-encoding" });
  }
  return out;
}

/**
 * Compares two recordings (or two cassette interactions) and gives the verdict a reviewer needs
 * first, then the details. Every leaf that differs is in `noise` (with its rule) or counts: in
 * `request`, or in `response` / `rawResponse`, and in the verdict.
 */
export function compareRecordings(a: DecodedSide, b: DecodedSide): Comparison {
  const raw = rawDiff(a.raw, b.raw, a.context ?? "recording");
  const request = [...raw.request, ...raw.other];
  const response = responseChanges(a.exchange.response, b.exchange.response);
  const stream = streamDiff(a.exchange.response, b.exchange.response, response.length === 0);
  let rawResponse = raw.response;
  let noise = raw.noise;
  // The same message cut into other chunks: the chunks' text and count differ, by rule.
  if (stream.rechunked && response.length === 0) {
    const rechunked = rawResponse.filter(isChunking);
    if (rechunked.length > 0) {
      noise = [...noise, ...rechunked.map((change) => ({ ...change, rule: "stream-rechunked" }))];
      rawResponse = rawResponse.filter((change) => !isChunking(change));
    }
  }
  // The lists are not joined: a re-recorded cassette may differ in tens of thousands of fields.
  const encoding = encodingNoise(a, b, [request, rawResponse, noise]);
  if (encoding.length > 0) noise = [...noise, ...encoding];
  const base = { request, response, stream, noise, rawResponse };

  const identical =
    (a.text !== null && a.text === b.text) ||
    (request.length === 0 && rawResponse.length === 0 && noise.length === 0 && response.length === 0);
  if (identical) return { ...base, verdict: "identical", summary: "identical" };

  const errorA = isError(a.exchange);
  const errorB = isError(b.exchange);
  if (errorA !== errorB) {
    return { ...base, verdict: "error", summary: errorB ? "success turned error" : "error turned success" };
  }
  if (errorA && errorB && (response.length > 0 || rawResponse.length > 0)) {
    return {
      ...base,
      verdict: "error",
      summary: `a different error: ${describe(response.length > 0 ? response : rawResponse)}`,
    };
  }
  if (request.length > 0) return { ...base, verdict: "request", summary: `request: ${describe(request)}` };
  if (response.length > 0 || rawResponse.length > 0) {
    return {
      ...base,
      verdict: "response",
      summary: `response: ${describe(response.length > 0 ? response : rawResponse)}`,
    };
  }
  const rechunked = stream.rechunked ? "; the same text re-chunked" : "";
  const fields = noise.filter((change) => change.rule !== "stream-rechunked").length;
  return {
    ...base,
    verdict: "noise",
    summary: `noise only: ${fields} volatile field${fields === 1 ? "" : "s"}${rechunked}`,
  };
}
