import { isWorkingTree, reviewHref } from "@/lib/review/links";
import { REVIEW_VERDICTS, type Review } from "@/lib/review/review-types";
import {
  filterChanges,
  seenStorageKey,
  substantiveCount,
  type ReviewFilters as Filters,
  type SuiteCount,
} from "@/lib/review/review-view";
import { changeCardData } from "@/lib/views/review/change-card-data";
import { ChangeList } from "./change-list";
import { ReviewProvider } from "./review-context";
import { ReviewFilters, type ReviewFilterSelect } from "./review-filters";
import { SeenProvider } from "./seen";

function selects(review: Review, filters: Filters, suites: SuiteCount[]): ReviewFilterSelect[] {
  return [
    {
      name: "verdict",
      label: "Verdict",
      value: filters.verdict ?? "",
      options: [
        { value: "", label: `All (${review.changes.length})` },
        { value: "substantive", label: `To look at (${substantiveCount(review)})` },
        ...REVIEW_VERDICTS.map((v) => ({ value: v, label: `${v} (${review.summary.verdicts[v]})` })),
      ],
    },
    {
      name: "suite",
      label: "Suite",
      value: filters.suite ?? "",
      options: [
        { value: "", label: "All" },
        ...suites.map((s) => ({ value: s.suite, label: `${s.suite} (${s.total})` })),
      ],
    },
    {
      name: "group",
      label: "Group",
      value: filters.group ?? "",
      options: [
        { value: "", label: "All" },
        ...review.groups.map((g) => ({ value: g.title, label: `${g.title} (${g.count})` })),
      ],
    },
  ];
}

/**
 * The changes the filters keep, substantive first, each with its "seen" mark; the filters above.
 * Each card travels as `ChangeCardData`; its details are rendered by `loadDetails` when opened.
 */
export function ReviewChanges({
  review,
  filters,
  suites,
  prefix,
  inIndex,
  loadDetails,
}: {
  review: Review;
  filters: Filters;
  suites: SuiteCount[];
  /** The root's place in the repository (`a/b/` or ""). */
  prefix: string;
  /** Whether the index holds a root-relative path (a new recording then opens its own page). */
  inIndex: (relPath: string) => boolean;
  /** Renders one change's details (by its key) when its card is opened. */
  loadDetails: (key: string) => Promise<React.ReactNode>;
}) {
  const shown = filterChanges(review, filters);
  return (
    <ReviewProvider base={review.base} head={review.head} prefix={prefix} loadDetails={loadDetails}>
      <SeenProvider storageKey={seenStorageKey(review.base, review.head)}>
        <ChangeList
          cards={shown.map((change) => changeCardData(change, prefix, inIndex))}
          empty={review.changes.length === 0 ? "No recording changed." : "No change matches these filters."}
          filters={
            <ReviewFilters
              base={review.base}
              head={isWorkingTree(review.head) ? null : review.head}
              selects={selects(review, filters, suites)}
              clearHref={reviewHref(review.base, review.head)}
            />
          }
        />
      </SeenProvider>
    </ReviewProvider>
  );
}
