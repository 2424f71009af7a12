/** The verdicts of an interaction pair (and of a file), most serious first. */
export const PAIR_VERDICTS = [
  "error",
  "request",
  "response",
  "added",
  "removed",
  "noise",
  "identical",
] as const;
export type PairVerdict = (typeof PAIR_VERDICTS)[number];
