"use client";

import { startTransition, useEffect, useState } from "react";
import { cardKey, type ChangeCardData } from "@/lib/views/review/change-card-data";
import { ChangeCard } from "./change-card";
import { SeenCounter } from "./seen";

/**
 * Cards in the page's HTML: enough for several screens. A review of hundreds of changes renders the
 * rest in the browser once the page is interactive, in a transition that yields to the reader.
 */
export const CARDS_IN_HTML = 40;

/** The changes section: heading and "not yet seen" count, the filters, then one card per change. */
export function ChangeList({
  cards,
  filters,
  empty,
}: {
  cards: ChangeCardData[];
  /** The filter form, shown between the heading and the cards. */
  filters: React.ReactNode;
  /** What to say when there is no card. */
  empty: string;
}) {
  const [limit, setLimit] = useState(CARDS_IN_HTML);
  const more = cards.length > limit;
  useEffect(() => {
    if (more) startTransition(() => setLimit(Infinity));
  }, [more]);
  return (
    <section aria-labelledby="changes-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="changes-heading" className="text-lg font-semibold">
          Changes
        </h2>
        <SeenCounter keys={cards.map(cardKey)} />
      </div>
      {filters}
      {cards.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {empty}
        </p>
      ) : (
        <ol className="space-y-2" aria-label="Changes">
          {cards.slice(0, limit).map((card) => (
            <li key={cardKey(card)}>
              <ChangeCard card={card} />
            </li>
          ))}
        </ol>
      )}
      {more && (
        <noscript>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {cards.length - limit} more changes are shown with JavaScript on; without it, filter by verdict,
            suite or group to reach them.
          </p>
        </noscript>
      )}
    </section>
  );
}
