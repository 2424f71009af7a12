import { detailRows, detailsLabel, pairing } from "@/lib/review/change-details";
import { compareHref, rootRelative } from "@/lib/review/links";
import type { ChangeStatus, ReviewChange, ReviewVerdict } from "@/lib/review/review-types";
import { changeKey } from "@/lib/review/review-view";
import { recordingHref } from "@/lib/urls";

/**
 * What the review page's card of one change shows before it is opened, and nothing more: the
 * cards of several hundred changes travel to the browser as these (a few hundred bytes each, no
 * path twice), the browser derives the rest (key, path shown, link), and each change's details are
 * rendered by the server when its card is opened.
 */
export interface ChangeCardData {
  /** The repository path, and the base one it came from (renamed, copied), as in `ReviewChange`. */
  path: string;
  oldPath: string | null;
  verdict: ReviewVerdict;
  status: ChangeStatus;
  /** What the path opens: the recording's page (a new one the index holds), its comparison, or nothing. */
  opens: "recording" | "compare" | null;
  summary: string;
  /** How a renamed or copied change was paired ("renamed" … "paired by the same test id"). */
  pairing: { verb: "renamed" | "copied"; by: string } | null;
  testId: string | null;
  /** The label of the collapsed details; null when there is nothing more to show. */
  details: string | null;
}

/**
 * The label of a change's details ("Reply text and 2 changed fields", "3 interactions; 1 changed
 * field"), or null when it has none.
 */
export function changeDetailsLabel(change: ReviewChange): string | null {
  let label = labels.get(change);
  if (label === undefined) {
    label = detailsLabelOf(change);
    labels.set(change, label);
  }
  return label;
}

// Counting a change's rows renders each (values as JSON, cut short): too slow to do for every card
// of every request. A review's changes are kept (lib/review/review-cache.ts), so their labels are.
const labels = new WeakMap<ReviewChange, string | null>();

function detailsLabelOf(change: ReviewChange): string | null {
  const rows = detailRows(change).length;
  const fields = rows === 0 && !change.text ? null : detailsLabel(change.text !== null, rows);
  const pairs = change.interactions?.length ?? 0;
  if (pairs === 0) return fields;
  const count = `${pairs} interaction${pairs === 1 ? "" : "s"}`;
  return fields === null ? count : `${count}; ${fields.charAt(0).toLowerCase()}${fields.slice(1)}`;
}

/**
 * One card's data. `prefix` is the root's place in the repository (`a/b/` or ""); `inIndex` says
 * whether the index holds a root-relative path (a new recording then opens its own page).
 */
export function changeCardData(
  change: ReviewChange,
  prefix: string,
  inIndex: (relPath: string) => boolean,
): ChangeCardData {
  const pair = pairing(change);
  const rel = rootRelative(change.path, prefix);
  const fresh = change.status === "added" && change.oldPath === null;
  // Mirrors `changeHref`; the href itself is built in the browser (`cardHref`), so that the
  // paths do not travel twice more in every card.
  const opens =
    fresh && rel !== null && inIndex(rel)
      ? "recording"
      : compareHref(change, { base: "", head: "" }, prefix) === null
        ? null
        : "compare";
  return {
    path: change.path,
    oldPath: change.oldPath,
    verdict: change.verdict,
    status: change.status,
    opens,
    summary: change.summary,
    pairing: pair && { verb: pair.verb, by: pair.by },
    testId: change.testId,
    details: changeDetailsLabel(change),
  };
}

/** A card's key: its "seen" mark, and what its details are asked for by (`changeKey`). */
export function cardKey(card: Pick<ChangeCardData, "path" | "oldPath">): string {
  return changeKey(card);
}

/** A repository path as the card shows it: under the root, or whole when it lies outside. */
export function shownPath(path: string, prefix: string): string {
  return rootRelative(path, prefix) ?? path;
}

/** The git status when it says more than the verdict ("renamed" beside "response"), else null. */
export function shownStatus(card: Pick<ChangeCardData, "status" | "verdict">): ChangeStatus | null {
  return card.status !== "modified" && card.status !== card.verdict ? card.status : null;
}

/**
 * Where a card's path leads (what `changeHref` gives on the server): a new recording's page, or the
 * comparison of `base` and `head` (the working tree when `head` is the working tree).
 */
export function cardHref(
  card: Pick<ChangeCardData, "opens" | "path" | "oldPath" | "status">,
  review: { base: string; head: string },
  prefix: string,
): string | null {
  if (card.opens === "recording") return recordingHref(shownPath(card.path, prefix));
  if (card.opens === null) return null;
  return compareHref(card, review, prefix);
}
