import Link from "next/link";
import { reviewHref } from "@/lib/review/links";
import type { Review } from "@/lib/review/review-types";

/** The changes that repeat, largest first; each lists only its recordings (not prefetched: see ReviewSummary). */
export function ReviewGroups({ review, selected }: { review: Review; selected: string | null }) {
  if (review.groups.length === 0) return null;
  return (
    <section aria-labelledby="groups-heading" className="space-y-2">
      <h2 id="groups-heading" className="text-lg font-semibold">
        Repeated changes
      </h2>
      <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white text-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {review.groups.map((group) => (
          <li key={group.title} className="flex items-baseline gap-3 px-3 py-1.5">
            <span className="w-12 shrink-0 text-right font-mono text-xs text-zinc-500 tabular-nums">
              {group.count}
            </span>
            <Link
              prefetch={false}
              href={reviewHref(review.base, review.head, { group: group.title })}
              aria-current={selected === group.title ? "true" : undefined}
              className="min-w-0 break-words text-indigo-700 hover:underline aria-[current]:font-semibold dark:text-indigo-300"
            >
              {group.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
