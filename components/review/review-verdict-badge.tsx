import type { ReviewVerdict } from "@/lib/review/review-types";
import { VERDICT_MEANING } from "@/lib/review/review-view";
import styles from "./change-card.module.css";

/**
 * A review verdict as a badge: the compare page's colors, plus added and removed. `quiet` (a count
 * of none) drops the alarm of the solid `secret` badge.
 */
export function ReviewVerdictBadge({ verdict, quiet = false }: { verdict: ReviewVerdict; quiet?: boolean }) {
  return (
    <span
      title={VERDICT_MEANING[verdict]}
      data-verdict={verdict}
      data-quiet={quiet || undefined}
      className={styles.badge}
    >
      {verdict}
    </span>
  );
}
