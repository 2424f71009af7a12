import type { ContentPart, Exchange } from "@/lib/model/exchange";

/** A recording that may be another's earlier (or later) version. */
export interface PairCandidate {
  path: string;
  exchange: Exchange;
}

export type PairedBy = "test" | "request";

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function partWords(part: ContentPart): string {
  return part.type === "text" ? part.text : part.type === "image" ? part.url.slice(0, 64) : part.label;
}

/** Words already found, by exchange: a review pairs each added file against every removed one. */
const wordsFound = new WeakMap<Exchange, ReadonlySet<string>>();

/** The words of a request: its messages, tools, model and parameter names. */
export function requestWords(exchange: Exchange): ReadonlySet<string> {
  const known = wordsFound.get(exchange);
  if (known) return known;
  const { request } = exchange;
  const texts: string[] = [exchange.model ?? "", ...Object.keys(request.params)];
  for (const message of request.messages) {
    texts.push(
      message.role,
      ...message.parts.map(partWords),
      ...message.toolCalls.map((c) => `${c.name} ${c.arguments}`),
    );
  }
  for (const tool of request.tools) texts.push(tool.name);
  if (request.messages.length === 0) texts.push(JSON.stringify(request.body) ?? "");
  const words = new Set<string>();
  for (const text of texts)
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}_]+/u)) if (word) words.add(word);
  wordsFound.set(exchange, words);
  return words;
}

/**
 * How alike two requests are, from 0 to 1: 0 unless they went to the same endpoint with the same
 * kind of call, else the overlap of their words (Jaccard).
 */
export function requestSimilarity(a: Exchange, b: Exchange): number {
  if (a.kind !== b.kind || a.request.endpoint !== b.request.endpoint) return 0;
  return wordSimilarity(requestWords(a), requestWords(b));
}

/** The overlap of two sets of words (Jaccard), 1 for two empty sets. */
export function wordSimilarity(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const word of x) if (y.has(word)) shared++;
  return shared / (x.size + y.size - shared);
}

/** The least similarity for two requests with no test id in common to count as one recording. */
export const MIN_REQUEST_SIMILARITY = 0.5;

/**
 * The candidate that is the same recording as `target` under another name: first the same test id
 * in the same directory (the most similar request among several calls of that test), then the same
 * endpoint with the most similar request (FORMATS.md).
 */
export function findCounterpart(
  target: PairCandidate,
  candidates: readonly PairCandidate[],
): { candidate: PairCandidate; by: PairedBy; similarity: number } | null {
  const testId = target.exchange.testId;
  let best: { candidate: PairCandidate; by: PairedBy; similarity: number } | null = null;
  if (testId) {
    for (const candidate of candidates) {
      if (candidate.exchange.testId !== testId || dirOf(candidate.path) !== dirOf(target.path)) continue;
      const similarity = requestSimilarity(target.exchange, candidate.exchange);
      if (!best || similarity > best.similarity) best = { candidate, by: "test", similarity };
    }
    if (best) return best;
  }
  for (const candidate of candidates) {
    const similarity = requestSimilarity(target.exchange, candidate.exchange);
    if (similarity >= MIN_REQUEST_SIMILARITY && (!best || similarity > best.similarity)) {
      best = { candidate, by: "request", similarity };
    }
  }
  return best;
}
