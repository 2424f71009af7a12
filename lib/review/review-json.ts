import type { ChangeStatus, Review, ReviewVerdict } from "./review-types";

export interface ReviewChangeJson {
  status: ChangeStatus;
  path: string;
  oldPath: string | null;
  pairedBy: "git" | "test" | "request" | null;
  testId: string | null;
  verdict: ReviewVerdict;
  summary: string;
  /** Verdict `secret` only: the credentials the change adds (previews and fingerprints, never values). */
  secrets?: {
    interaction: number | null;
    location: string;
    rule: string;
    preview: string;
    fingerprint: string;
  }[];
  /** Cassettes only: each interaction pair (index on each side, from 0; null when added or removed). */
  interactions?: { a: number | null; b: number | null; verdict: ReviewVerdict }[];
}

/** The object `tapedeck review --format json` prints: stable, and nothing more than the issue names. */
export interface ReviewJson {
  base: string;
  head: string;
  summary: {
    added: number;
    removed: number;
    modified: number;
    renamed: number;
    copied: number;
    verdicts: Record<
      "identical" | "noise" | "response" | "request" | "error" | "added" | "removed" | "secret",
      number
    >;
  };
  groups: { title: string; count: number; paths: string[] }[];
  changes: ReviewChangeJson[];
}

/** Projects a review to its JSON shape (key order fixed, absent values null). */
export function reviewJson(review: Review): ReviewJson {
  const { summary } = review;
  const v = summary.verdicts;
  return {
    base: review.base,
    head: review.head,
    summary: {
      added: summary.added,
      removed: summary.removed,
      modified: summary.modified,
      renamed: summary.renamed,
      copied: summary.copied,
      verdicts: {
        identical: v.identical,
        noise: v.noise,
        response: v.response,
        request: v.request,
        error: v.error,
        added: v.added,
        removed: v.removed,
        secret: v.secret,
      },
    },
    groups: review.groups.map((group) => ({
      title: group.title,
      count: group.count,
      paths: [...group.paths],
    })),
    changes: review.changes.map((change) => ({
      status: change.status,
      path: change.path,
      oldPath: change.oldPath ?? null,
      pairedBy: change.pairedBy ?? null,
      testId: change.testId ?? null,
      verdict: change.verdict,
      summary: change.summary,
      ...(change.secrets && change.secrets.length > 0
        ? {
            secrets: change.secrets.map(({ interaction, location, rule, preview, fingerprint }) => ({
              interaction,
              location,
              rule,
              preview,
              fingerprint,
            })),
          }
        : {}),
      ...(change.interactions
        ? { interactions: change.interactions.map(({ a, b, verdict }) => ({ a, b, verdict })) }
        : {}),
    })),
  };
}
