"use client";

import Link from "next/link";
import { useId } from "react";
import { testHref } from "@/lib/urls";
import {
  cardHref,
  cardKey,
  shownPath,
  shownStatus,
  type ChangeCardData,
} from "@/lib/views/review/change-card-data";
import styles from "./change-card.module.css";
import { LazyDetails } from "./lazy-details";
import { useReview } from "./review-context";
import { ReviewVerdictBadge } from "./review-verdict-badge";
import { SeenCard, SeenToggle } from "./seen";

/**
 * One change: verdict, path (opening its comparison), summary, pairing and test; its details are
 * fetched when opened. Rendered from `ChangeCardData`, so that a page of several hundred changes
 * carries a few hundred bytes of each, not its whole markup twice (HTML and React payload). Its
 * links are not prefetched: scrolling through hundreds of cards would ask the server for as many
 * dynamic pages (each a git lookup), and slow the details a reviewer opens meanwhile.
 */
export function ChangeCard({ card }: { card: ChangeCardData }) {
  const review = useReview();
  const id = useId();
  const href = cardHref(card, review, review.prefix);
  const status = shownStatus(card);
  const key = cardKey(card);
  const shown = shownPath(card.path, review.prefix);
  const { pairing, oldPath, testId } = card;
  return (
    <SeenCard seenKey={key} labelledBy={id}>
      <div className={styles.head}>
        <ReviewVerdictBadge verdict={card.verdict} />
        {status && <span className={styles.status}>{status}</span>}
        {href ? (
          <Link prefetch={false} id={id} href={href} className={styles.link}>
            {shown}
          </Link>
        ) : (
          <span id={id} className={styles.path}>
            {shown}
          </span>
        )}
        <SeenToggle seenKey={key} label={shown} />
      </div>
      <p className={styles.summary}>{card.summary}</p>
      {(pairing || testId) && (
        <p className={styles.more}>
          {pairing && oldPath !== null && (
            <>
              {pairing.verb} from <span className="font-mono">{shownPath(oldPath, review.prefix)}</span>{" "}
              (paired by {pairing.by})
            </>
          )}
          {pairing && testId && " · "}
          {testId && (
            <>
              test{" "}
              <Link prefetch={false} href={testHref(testId)} className={styles.test}>
                {testId}
              </Link>
            </>
          )}
        </p>
      )}
      {card.details !== null && <LazyDetails changeKey={key} label={card.details} />}
    </SeenCard>
  );
}
