import { changeHref, isWorkingTree, reviewHref } from "@/lib/review/links";
import { REVIEW_VERDICTS, type Review } from "@/lib/review/review-types";
import {
  changeKey,
  filterChanges,
  seenStorageKey,
  substantiveCount,
  type ReviewFilters as Filters,
  type SuiteCount,
} from "@/lib/review/review-view";
import { ChangeCard } from "./change-card";
import { ReviewFilters, type ReviewFilterSelect } from "./review-filters";
import { SeenCounter, SeenProvider } from "./seen";

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

/** The changes the filters keep, substantive first, each with its "seen" mark; the filters above. */
export function ReviewChanges({
  review,
  filters,
  suites,
  prefix,
  inIndex,
}: {
  review: Review;
  filters: Filters;
  suites: SuiteCount[];
  /** The root's place in the repository (`a/b/` or ""). */
  prefix: string;
  /** Whether the index holds a root-relative path (a new recording then opens its own page). */
  inIndex: (relPath: string) => boolean;
}) {
  const shown = filterChanges(review, filters);
  return (
    <SeenProvider storageKey={seenStorageKey(review.base, review.head)}>
      <section aria-labelledby="changes-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="changes-heading" className="text-lg font-semibold">
            Changes
          </h2>
          <SeenCounter keys={shown.map(changeKey)} />
        </div>
        <ReviewFilters
          base={review.base}
          head={isWorkingTree(review.head) ? null : review.head}
          selects={selects(review, filters, suites)}
          clearHref={reviewHref(review.base, review.head)}
        />
        {shown.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            {review.changes.length === 0 ? "No recording changed." : "No change matches these filters."}
          </p>
        ) : (
          <ol className="space-y-2" aria-label="Changes">
            {shown.map((change) => (
              <li key={changeKey(change)}>
                <ChangeCard
                  change={change}
                  href={changeHref(change, review, prefix, inIndex)}
                  prefix={prefix}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
    </SeenProvider>
  );
}
