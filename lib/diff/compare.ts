import type { Exchange } from "@/lib/model/exchange";
import type { Change } from "./change";
import { rawDiff } from "./raw-diff";
import { responseChanges } from "./response-diff";
import { streamDiff, type StreamDiff } from "./stream-diff";

export const VERDICTS = ["identical", "noise", "response", "request", "error"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One side of a comparison: a decoded recording with the text and JSON it came from. */
export interface DecodedSide {
  text: string | null;
  raw: unknown;
  exchange: Exchange;
}

export interface Comparison {
  verdict: Verdict;
  /** Request differences (model, parameters, messages, tools), noise left out. */
  request: Change[];
  /** Reply differences in the reader's terms (text, reasoning, tool calls, finish reason, usage). */
  response: Change[];
  stream: StreamDiff;
  /** Differences that are noise: hidden by default. */
  noise: Change[];
  /** Raw response differences that are not noise (chunk boundaries, fields outside the message). */
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

/** Compares two recordings and gives the verdict a reviewer needs first, then the details. */
export function compareRecordings(a: DecodedSide, b: DecodedSide): Comparison {
  const raw = rawDiff(a.raw, b.raw);
  const request = [...raw.request, ...raw.other];
  const response = responseChanges(a.exchange.response, b.exchange.response);
  const stream = streamDiff(a.exchange.response, b.exchange.response, response.length === 0);
  const base = { request, response, stream, noise: raw.noise, rawResponse: raw.response };

  const identical =
    (a.text !== null && a.text === b.text) ||
    (raw.request.length === 0 &&
      raw.response.length === 0 &&
      raw.other.length === 0 &&
      raw.noise.length === 0);
  if (identical) return { ...base, verdict: "identical", summary: "identical" };

  const errorA = isError(a.exchange);
  const errorB = isError(b.exchange);
  if (errorA !== errorB) {
    return { ...base, verdict: "error", summary: errorB ? "success turned error" : "error turned success" };
  }
  if (errorA && errorB && response.length > 0) {
    return { ...base, verdict: "error", summary: `a different error: ${describe(response)}` };
  }
  if (request.length > 0) return { ...base, verdict: "request", summary: `request: ${describe(request)}` };
  if (response.length > 0)
    return { ...base, verdict: "response", summary: `response: ${describe(response)}` };
  const rechunked = stream.rechunked ? "; the same text re-chunked" : "";
  return {
    ...base,
    verdict: "noise",
    summary: `noise only: ${raw.noise.length} volatile field${raw.noise.length === 1 ? "" : "s"}${rechunked}`,
  };
}
