import type { Change } from "@/lib/diff/change";

export const REVIEW_VERDICTS = [
  "error",
  "request",
  "response",
  "added",
  "removed",
  "noise",
  "identical",
] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export type ChangeStatus = "added" | "removed" | "modified" | "renamed" | "copied";

/** One recording change in a review. */
export interface ReviewChange {
  status: ChangeStatus;
  path: string;
  /** The base recording this one came from (renamed, copied or re-recorded), or null. */
  oldPath: string | null;
  /** How the old and new files were paired: by git, by test id, by an equal request, or not at all. */
  pairedBy: "git" | "test" | "request" | null;
  testId: string | null;
  verdict: ReviewVerdict;
  summary: string;
  suite: string;
  /** The differences behind the verdict (for grouping and the reports); empty for added/removed. */
  request: Change[];
  response: Change[];
  noise: Change[];
  /** For the reports: the first choice's text before and after, when it changed. */
  text: { before: string; after: string } | null;
}

export interface ReviewGroup {
  title: string;
  count: number;
  paths: string[];
}

export interface Review {
  base: string;
  head: string;
  summary: {
    added: number;
    removed: number;
    modified: number;
    renamed: number;
    copied: number;
    verdicts: Record<ReviewVerdict, number>;
  };
  groups: ReviewGroup[];
  changes: ReviewChange[];
}

export function isSubstantive(verdict: ReviewVerdict): boolean {
  return verdict !== "noise" && verdict !== "identical";
}
