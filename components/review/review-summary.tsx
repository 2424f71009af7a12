import Link from "next/link";
import { reviewHref } from "@/lib/review/links";
import { REVIEW_VERDICTS, type Review } from "@/lib/review/review-types";
import { VERDICT_MEANING, type SuiteCount } from "@/lib/review/review-view";
import { ReviewVerdictBadge } from "./review-verdict-badge";

const CARD = "rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900";

/**
 * Counts by verdict (each a filter link) and by suite. The links are not prefetched: each is this
 * page again, dynamic, and a prefetch of it only costs the server (git lookups) as the page opens.
 */
export function ReviewSummary({ review, suites }: { review: Review; suites: SuiteCount[] }) {
  const href = (filters: Record<string, string>) => reviewHref(review.base, review.head, filters);
  return (
    <section aria-labelledby="summary-heading" className="space-y-3">
      <h2 id="summary-heading" className="text-lg font-semibold">
        Summary
      </h2>
      <ul aria-label="Changes by verdict" className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-8">
        {REVIEW_VERDICTS.map((verdict) => (
          <li key={verdict}>
            <Link
              prefetch={false}
              href={href({ verdict })}
              title={VERDICT_MEANING[verdict]}
              aria-label={`${review.summary.verdicts[verdict]} ${verdict}`}
              className={`block p-2 hover:border-indigo-400 sm:p-3 dark:hover:border-indigo-500 ${CARD} ${review.summary.verdicts[verdict] === 0 ? "opacity-60" : ""}`}
            >
              <span className="block text-xl font-semibold tabular-nums sm:text-2xl">
                {review.summary.verdicts[verdict].toLocaleString("en-US")}
              </span>
              <ReviewVerdictBadge verdict={verdict} quiet={review.summary.verdicts[verdict] === 0} />
            </Link>
          </li>
        ))}
      </ul>
      <div className={`overflow-x-auto ${CARD}`}>
        <table aria-label="Changes by suite" className="w-full text-sm">
          <thead className="text-xs text-zinc-500">
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className="px-3 py-1.5 text-left font-medium">
                Suite
              </th>
              <th scope="col" className="px-3 py-1.5 text-right font-medium">
                Changes
              </th>
              {REVIEW_VERDICTS.map((verdict) => (
                <th key={verdict} scope="col" className="px-2 py-1.5 text-right font-medium">
                  {verdict}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {suites.map((suite) => (
              <tr key={suite.suite}>
                <th scope="row" className="px-3 py-1.5 text-left font-mono text-xs font-normal">
                  <Link
                    prefetch={false}
                    href={href({ suite: suite.suite })}
                    className="text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {suite.suite}
                  </Link>
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums">{suite.total}</td>
                {REVIEW_VERDICTS.map((verdict) => (
                  <td
                    key={verdict}
                    className="px-2 py-1.5 text-right text-zinc-600 tabular-nums dark:text-zinc-400"
                  >
                    {suite.verdicts[verdict] || ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
