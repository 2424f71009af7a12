import type { Interaction } from "@/lib/model/recording-file";
import { requestWords, wordSimilarity } from "./pairing";

/** One interaction of side a matched to one of side b; null on a side for an added or removed one. */
export interface PairedIndex {
  a: number | null;
  b: number | null;
}

/** What a request is matched on: its method and URL path (the host may change; the pair then shows it). */
function requestKey(interaction: Interaction): string {
  const http = interaction.http;
  const method = http?.method ?? interaction.exchange.request.method ?? "";
  const url = http?.url ?? interaction.exchange.request.url ?? "";
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").replace(/[?#].*$/, "");
  return `${method.toUpperCase()} ${path}`;
}

/** The request as one text (method, URL, body): equal texts are the same request. */
function requestText(interaction: Interaction): string {
  const http = interaction.http;
  const body = interaction.envelope?.request.payload ?? interaction.exchange.request.body;
  return `${http?.method ?? ""} ${http?.url ?? interaction.exchange.request.url ?? ""} ${JSON.stringify(body) ?? ""}`;
}

interface Request {
  key: string;
  text: string;
  interaction: Interaction;
  words: ReadonlySet<string> | null;
}

function wordsOf(request: Request): ReadonlySet<string> {
  request.words ??= requestWords(request.interaction.exchange);
  return request.words;
}

/**
 * How well x of a pairs with y of b, 0 for never: the same method and URL path score 1 plus
 * their request similarity (10 for the same request, which outweighs several merely similar pairs it would cross; half a point more for the same status); another path or method still pairs, weakly,
 * when nothing better is in order, so a cassette whose only call moved endpoint reads as a
 * request change.
 */
function score(x: Request, y: Request): number {
  if (x.key === y.key) {
    // A retried call (404, then a pull, then the same call) pairs with the try that got the same status.
    const status = x.interaction.http?.status === y.interaction.http?.status ? 0.5 : 0;
    if (x.text === y.text) return 10 + status;
    const kind = x.interaction.exchange.kind === y.interaction.exchange.kind ? 1 : 0;
    return 1 + status + kind * wordSimilarity(wordsOf(x), wordsOf(y));
  }
  return x.key.split(" ")[0] === y.key.split(" ")[0] ? 0.05 : 0.02;
}

/**
 * Pairs the interactions of two versions of a cassette: in order first (the longest chain of
 * best matches that keeps both orders, by method, URL path and request body similarity), so an
 * inserted or dropped call does not misalign the rest; then the calls left over on both sides
 * with the same method and path, best match first, so a reordered pair still pairs. What is left
 * is added (b only) or removed (a only). The result follows b's order, removed ones where they were.
 */
export function pairInteractions(a: readonly Interaction[], b: readonly Interaction[]): PairedIndex[] {
  const request = (interaction: Interaction): Request => ({
    key: requestKey(interaction),
    text: requestText(interaction),
    interaction,
    words: null,
  });
  const as = a.map(request);
  const bs = b.map(request);
  const n = as.length;
  const m = bs.length;
  const matchA = new Array<number>(n).fill(-1);
  const matchB = new Array<number>(m).fill(-1);

  // The common case: the same requests in the same order (a re-recording).
  if (n === m && as.every((x, i) => x.text === bs[i]?.text)) {
    for (let i = 0; i < n; i++) {
      matchA[i] = i;
      matchB[i] = i;
    }
  } else {
    // The alignment that maximizes the total score (Needleman-Wunsch, gaps free).
    const cell = (i: number, j: number) => i * (m + 1) + j;
    const best = new Float64Array((n + 1) * (m + 1));
    const scores = new Float64Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        const x = as[i];
        const y = bs[j];
        const s = x && y ? score(x, y) : 0;
        scores[cell(i, j)] = s;
        best[cell(i, j)] = Math.max(
          best[cell(i + 1, j)] ?? 0,
          best[cell(i, j + 1)] ?? 0,
          (best[cell(i + 1, j + 1)] ?? 0) + s,
        );
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      const here = best[cell(i, j)] ?? 0;
      const s = scores[cell(i, j)] ?? 0;
      if (s > 0 && Math.abs(here - ((best[cell(i + 1, j + 1)] ?? 0) + s)) < 1e-9) {
        matchA[i] = j;
        matchB[j] = i;
        i++;
        j++;
      } else if (Math.abs(here - (best[cell(i + 1, j)] ?? 0)) < 1e-9) {
        i++;
      } else {
        j++;
      }
    }
    const keyA = (x: number) => as[x]?.key;
    const keyB = (y: number) => bs[y]?.key;
    // A weak in-order pair (another endpoint) gives way to a same-endpoint partner out of order.
    for (let x = 0; x < n; x++) {
      const y = matchA[x] ?? -1;
      if (y === -1 || keyA(x) === keyB(y)) continue;
      const better =
        bs.some((other, k) => matchB[k] === -1 && other.key === keyA(x)) ||
        as.some((other, k) => matchA[k] === -1 && other.key === keyB(y));
      if (better) {
        matchA[x] = -1;
        matchB[y] = -1;
      }
    }
    // Left over on both sides with the same method and path: best match first.
    const candidates: { x: number; y: number; s: number }[] = [];
    for (let x = 0; x < n; x++) {
      const ix = as[x];
      if (matchA[x] !== -1 || !ix) continue;
      for (let y = 0; y < m; y++) {
        const iy = bs[y];
        if (matchB[y] !== -1 || !iy || ix.key !== iy.key) continue;
        candidates.push({ x, y, s: score(ix, iy) });
      }
    }
    candidates.sort((p, q) => q.s - p.s || p.x - q.x || p.y - q.y);
    for (const { x, y } of candidates) {
      if (matchA[x] !== -1 || matchB[y] !== -1) continue;
      matchA[x] = y;
      matchB[y] = x;
    }
  }

  const out: PairedIndex[] = [];
  let nextA = 0;
  const flushRemoved = (upTo: number) => {
    for (; nextA < upTo; nextA++) if (matchA[nextA] === -1) out.push({ a: nextA, b: null });
  };
  for (let y = 0; y < m; y++) {
    const x = matchB[y] ?? -1;
    if (x === -1) {
      out.push({ a: null, b: y });
      continue;
    }
    flushRemoved(x);
    out.push({ a: x, b: y });
  }
  flushRemoved(n);
  return out;
}
