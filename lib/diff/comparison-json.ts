import type { Change } from "./change";
import type { Comparison } from "./compare";
import type { FileComparison } from "./compare-files";
import type { PairVerdict } from "./pair-verdicts";
import type { StreamDiff } from "./stream-diff";

export interface ComparisonJson {
  verdict: Comparison["verdict"];
  summary: string;
  request: Change[];
  /** The reply's changes in the reader's terms, then the raw response fields that changed beside them. */
  response: Change[];
  stream: StreamDiff;
  noise: Change[];
}

/** The JSON `tapedeck diff --json` prints. */
export function comparisonJson(comparison: Comparison): ComparisonJson {
  const { verdict, summary, request, response, rawResponse, stream, noise } = comparison;
  return { verdict, summary, request, response: [...response, ...rawResponse], stream, noise };
}

export interface InteractionPairJson {
  a: number | null;
  b: number | null;
  verdict: PairVerdict;
  summary: string;
  request: Change[];
  response: Change[];
  stream: StreamDiff | null;
  noise: Change[];
}

/** What `tapedeck diff --json` prints for two cassettes: the file's verdict, then every pair's. */
export interface CassetteComparisonJson {
  verdict: PairVerdict;
  summary: string;
  interactions: InteractionPairJson[];
}

/** The JSON of a file comparison between cassettes (llama-stack files keep `comparisonJson`). */
export function cassetteComparisonJson(comparison: FileComparison): CassetteComparisonJson {
  return {
    verdict: comparison.verdict,
    summary: comparison.summary,
    interactions: comparison.pairs.map((pair) => {
      const details = pair.comparison ? comparisonJson(pair.comparison) : null;
      return {
        a: pair.a,
        b: pair.b,
        verdict: pair.verdict,
        summary: pair.summary,
        request: details?.request ?? [],
        response: details?.response ?? [],
        stream: details?.stream ?? null,
        noise: details?.noise ?? [],
      };
    }),
  };
}
