import type { ReviewVerdict } from "@/lib/review/review-types";
import { VERDICT_MEANING } from "@/lib/review/review-view";
import styles from "./change-card.module.css";

/** A review verdict as a badge: the compare page's colors, plus added and removed. */
export function ReviewVerdictBadge({ verdict }: { verdict: ReviewVerdict }) {
  return (
    <span title={VERDICT_MEANING[verdict]} data-verdict={verdict} className={styles.badge}>
      {verdict}
    </span>
  );
}
