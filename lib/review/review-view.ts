import {
  REVIEW_VERDICTS,
  isSubstantive,
  type Review,
  type ReviewChange,
  type ReviewVerdict,
} from "./review-types";

/** What each verdict means, for legends and tooltips. */
export const VERDICT_MEANING: Record<ReviewVerdict, string> = {
  secret: "adds a credential (an API key, a token, a password): revoke it and re-record",
  error: "one side is an error, or the error changed",
  request: "the request changed (model, parameters, messages, tools)",
  response: "same request, a different reply",
  added: "a new recording: nothing in base to compare with",
  removed: "a recording removed: nothing replaces it",
  noise: "only volatile fields (ids, timestamps, fingerprints)",
  identical: "the same content",
};

/** The verdict filter: one verdict, or every substantive one. */
export type VerdictFilter = ReviewVerdict | "substantive";

export interface ReviewFilters {
  verdict: VerdictFilter | null;
  suite: string | null;
  /** A group's title. */
  group: string | null;
}

function isVerdictFilter(value: string): value is VerdictFilter {
  return value === "substantive" || REVIEW_VERDICTS.some((verdict) => verdict === value);
}

/** The filters from URL parameters; unknown verdicts are ignored. */
export function parseReviewFilters(params: Record<string, string | string[] | undefined>): ReviewFilters {
  const one = (key: string) => {
    const value = params[key];
    const text = Array.isArray(value) ? value[0] : value;
    return text === undefined || text === "" ? null : text;
  };
  const verdict = one("verdict");
  return {
    verdict: verdict !== null && isVerdictFilter(verdict) ? verdict : null,
    suite: one("suite"),
    group: one("group"),
  };
}

/** The changes the filters keep, in review order (substantive first). */
export function filterChanges(review: Review, filters: ReviewFilters): ReviewChange[] {
  const group = filters.group === null ? null : review.groups.find((g) => g.title === filters.group);
  const members = group ? new Set(group.paths) : null;
  return review.changes.filter(
    (change) =>
      (filters.verdict === null ||
        (filters.verdict === "substantive"
          ? isSubstantive(change.verdict)
          : change.verdict === filters.verdict)) &&
      (filters.suite === null || change.suite === filters.suite) &&
      (filters.group === null || members?.has(change.path) === true),
  );
}

export interface SuiteCount {
  suite: string;
  total: number;
  substantive: number;
  verdicts: Record<ReviewVerdict, number>;
}

/** Counts by suite (most substantive first), each with counts by verdict. */
export function suiteCounts(changes: readonly ReviewChange[]): SuiteCount[] {
  const bySuite = new Map<string, SuiteCount>();
  for (const change of changes) {
    let entry = bySuite.get(change.suite);
    if (!entry) {
      entry = { suite: change.suite, total: 0, substantive: 0, verdicts: emptyVerdicts() };
      bySuite.set(change.suite, entry);
    }
    entry.total++;
    entry.verdicts[change.verdict]++;
    if (isSubstantive(change.verdict)) entry.substantive++;
  }
  return [...bySuite.values()].sort(
    (a, b) => b.substantive - a.substantive || b.total - a.total || a.suite.localeCompare(b.suite),
  );
}

function emptyVerdicts(): Record<ReviewVerdict, number> {
  return { secret: 0, error: 0, request: 0, response: 0, added: 0, removed: 0, noise: 0, identical: 0 };
}

/** A stable key for one change, for "seen" marks kept in the browser. */
export function changeKey(change: Pick<ReviewChange, "path" | "oldPath">): string {
  return change.oldPath === null ? change.path : `${change.oldPath} → ${change.path}`;
}

/** The localStorage key under which the seen marks of one review are kept. */
export function seenStorageKey(base: string, head: string): string {
  return `tapedeck-review-seen:${base}..${head}`;
}

/** The number of substantive changes. */
export function substantiveCount(review: Review): number {
  return review.changes.filter((change) => isSubstantive(change.verdict)).length;
}
