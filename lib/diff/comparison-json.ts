import type { Change } from "./change";
import type { Comparison } from "./compare";
import type { StreamDiff } from "./stream-diff";

export interface ComparisonJson {
  verdict: Comparison["verdict"];
  summary: string;
  request: Change[];
  response: Change[];
  stream: StreamDiff;
  noise: Change[];
}

/** The JSON `tapedeck diff --json` prints. */
export function comparisonJson(comparison: Comparison): ComparisonJson {
  const { verdict, summary, request, response, stream, noise } = comparison;
  return { verdict, summary, request, response, stream, noise };
}
