import { VerdictBadge } from "@/components/compare/verdict-badge";
import type { ReviewVerdict } from "@/lib/review/review-types";
import { VERDICT_MEANING } from "@/lib/review/review-view";

const OWN = {
  added:
    "bg-teal-100 text-teal-800 ring-teal-300 dark:bg-teal-500/15 dark:text-teal-300 dark:ring-teal-500/40",
  removed:
    "bg-zinc-200 text-zinc-800 ring-zinc-400 dark:bg-zinc-500/20 dark:text-zinc-200 dark:ring-zinc-500/50",
} as const;

/** A review verdict as a badge: the compare page's colors, plus added and removed. */
export function ReviewVerdictBadge({ verdict }: { verdict: ReviewVerdict }) {
  if (verdict !== "added" && verdict !== "removed") return <VerdictBadge verdict={verdict} />;
  return (
    <span
      title={VERDICT_MEANING[verdict]}
      data-verdict={verdict}
      className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-[11px] font-medium tracking-wide uppercase ring-1 ring-inset ${OWN[verdict]}`}
    >
      {verdict}
    </span>
  );
}
