import type { Change } from "@/lib/diff/change";
import { PAIR_VERDICTS } from "@/lib/diff/pair-verdicts";
import type { SecretFinding } from "@/lib/secrets/finding";

/** From the most serious down: a change that adds a credential comes first. */
export const REVIEW_VERDICTS = ["secret", ...PAIR_VERDICTS] as const;
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
  /**
   * For a cassette: its interaction pairs (index on each side, null for an added or removed one)
   * with their verdicts; null for a llama-stack recording. `request`/`response`/`noise` above
   * gather the pairs' differences.
   */
  interactions: ReviewInteraction[] | null;
  /** The credentials this change adds (verdict `secret`): never their values, only previews. */
  secrets?: SecretFinding[];
}

export interface ReviewInteraction {
  a: number | null;
  b: number | null;
  verdict: ReviewVerdict;
  summary: string;
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

/** A review's counts: changes by status and by verdict. */
export function countChanges(changes: readonly ReviewChange[]): Review["summary"] {
  const verdicts: Record<ReviewVerdict, number> = {
    secret: 0,
    error: 0,
    request: 0,
    response: 0,
    added: 0,
    removed: 0,
    noise: 0,
    identical: 0,
  };
  const statuses = { added: 0, removed: 0, modified: 0, renamed: 0, copied: 0 };
  for (const change of changes) {
    verdicts[change.verdict]++;
    statuses[change.status]++;
  }
  return { ...statuses, verdicts };
}

export function isSubstantive(verdict: ReviewVerdict): boolean {
  return verdict !== "noise" && verdict !== "identical";
}
