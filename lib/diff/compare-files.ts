import type { RecordingFile } from "@/lib/model/recording-file";
import { comparableInteraction } from "./comparable";
import { compareRecordings, type Comparison, type DecodedSide } from "./compare";
import { pairInteractions } from "./interaction-pairing";
import { PAIR_VERDICTS, type PairVerdict } from "./pair-verdicts";
import { sameJson } from "./same-json";

/** One side of a file comparison: a decoded file, its text and (llama-stack) its parsed JSON. */
export interface SideFile {
  text: string | null;
  file: RecordingFile;
  /** The parsed JSON of a llama-stack file (its `Decoded.raw`); ignored for cassettes. */
  raw: unknown;
}

export interface InteractionPair {
  /** The interaction's index on each side; null for an added (a) or removed (b) one. */
  a: number | null;
  b: number | null;
  verdict: PairVerdict;
  summary: string;
  /** Today's comparison of the two interactions; null for an added or removed one. */
  comparison: Comparison | null;
}

export interface FileComparison {
  /** True when a side is a cassette: the comparison is by interaction. */
  cassette: boolean;
  verdict: PairVerdict;
  summary: string;
  pairs: InteractionPair[];
}

/** The side of one interaction, as the single-call comparison reads it; null when there is no such interaction. */
export function interactionSide(side: SideFile, index: number): DecodedSide | null {
  const interaction = side.file.interactions[index];
  if (!interaction) return null;
  if (side.file.format === "llama-stack")
    return { text: side.text, raw: side.raw, exchange: interaction.exchange };
  const { doc, encodedBodies } = comparableInteraction(side.file.format, interaction);
  return { text: null, raw: doc, exchange: interaction.exchange, context: "cassette", encodedBodies };
}

/** The exchange that stands for a file when pairing it with another name: its first call's. */
export function headExchange(side: SideFile | null | undefined) {
  return side?.file.interactions[0]?.exchange ?? null;
}

/** The most serious of some verdicts (identical for none). */
export function worstVerdict(verdicts: Iterable<PairVerdict>): PairVerdict {
  let worst = PAIR_VERDICTS.length - 1;
  for (const verdict of verdicts) worst = Math.min(worst, PAIR_VERDICTS.indexOf(verdict));
  return PAIR_VERDICTS[worst] ?? "identical";
}

function comparePair(a: SideFile, b: SideFile, x: number | null, y: number | null): InteractionPair {
  if (x === null) return { a: x, b: y, verdict: "added", summary: "a new interaction", comparison: null };
  if (y === null)
    return { a: x, b: y, verdict: "removed", summary: "an interaction no longer made", comparison: null };
  // A cassette interaction recorded again byte for byte (most of a long polling cassette) is identical.
  const same = a.file.interactions[x]?.raw;
  if (a.file.format !== "llama-stack" && same !== undefined && sameJson(same, b.file.interactions[y]?.raw)) {
    return { a: x, b: y, verdict: "identical", summary: "identical", comparison: null };
  }
  const left = interactionSide(a, x);
  const right = interactionSide(b, y);
  if (!left || !right)
    return { a: x, b: y, verdict: "error", summary: "a side holds no such interaction", comparison: null };
  const comparison = compareRecordings(left, right);
  return { a: x, b: y, verdict: comparison.verdict, summary: comparison.summary, comparison };
}

/** `3 interactions: 1 response, 2 noise`. */
function countsOf(pairs: readonly InteractionPair[]): string {
  const counts = new Map<PairVerdict, number>();
  for (const pair of pairs) counts.set(pair.verdict, (counts.get(pair.verdict) ?? 0) + 1);
  const parts = PAIR_VERDICTS.filter((verdict) => counts.has(verdict)).map(
    (verdict) => `${counts.get(verdict)} ${verdict}`,
  );
  return `${pairs.length} interaction${pairs.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

/** `#2` for the same index on both sides, `b#1` for an added one, `a#0→b#1` when it moved. */
function label(pair: InteractionPair): string {
  if (pair.a === null) return `b#${pair.b}`;
  if (pair.b === null) return `a#${pair.a}`;
  if (pair.a === pair.b) return `#${pair.a}`;
  return `a#${pair.a}→b#${pair.b}`;
}

/**
 * Compares two recording files: a llama-stack recording as one call (today's comparison), a
 * cassette interaction by interaction (paired by `pairInteractions`), the file's verdict the most
 * serious of its pairs'.
 */
export function compareFiles(a: SideFile, b: SideFile): FileComparison {
  const cassette = a.file.format !== "llama-stack" || b.file.format !== "llama-stack";
  if (!cassette) {
    const pair = comparePair(a, b, 0, 0);
    return { cassette, verdict: pair.verdict, summary: pair.summary, pairs: [pair] };
  }
  const identicalText = a.text !== null && a.text === b.text;
  const pairs = identicalText
    ? a.file.interactions.map((_, i): InteractionPair => ({
        a: i,
        b: i,
        verdict: "identical",
        summary: "identical",
        comparison: null,
      }))
    : pairInteractions(a.file.interactions, b.file.interactions).map((pair) =>
        comparePair(a, b, pair.a, pair.b),
      );
  const verdict = worstVerdict(pairs.map((pair) => pair.verdict));
  if (pairs.length === 0) return { cassette, verdict, summary: "no interactions on either side", pairs };
  if (pairs.length === 1 && pairs[0]) return { cassette, verdict, summary: pairs[0].summary, pairs };
  const worst = pairs.find((pair) => pair.verdict === verdict);
  const detail = worst && verdict !== "identical" ? `; ${label(worst)} ${worst.summary}` : "";
  return { cassette, verdict, summary: `${countsOf(pairs)}${detail}`, pairs };
}
