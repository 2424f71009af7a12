import type { Change } from "@/lib/diff/change";
import type { ReviewChange } from "./review-types";

export interface DetailRow {
  side: "request" | "response";
  field: string;
  before: string;
  after: string;
}

/** A value in brief, on one line: `∅` for absent. */
export function briefValue(value: unknown, max = 100): string {
  const text = value === undefined ? "∅" : typeof value === "string" ? value : (JSON.stringify(value) ?? "∅");
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Two strings that share a long start: both cut to a little before where they differ. */
function fromDifference(before: unknown, after: unknown): [unknown, unknown] {
  if (typeof before !== "string" || typeof after !== "string") return [before, after];
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  if (same < 60) return [before, after];
  const from = same - 30;
  return [`…${before.slice(from)}`, `…${after.slice(from)}`];
}

function row(side: DetailRow["side"], change: Change): DetailRow {
  const [before, after] = fromDifference(change.before, change.after);
  return { side, field: change.path, before: briefValue(before), after: briefValue(after) };
}

/**
 * The request and reply differences of one change, as table rows; the first choice's text is
 * left out when the change carries it whole (the reports show it as a text diff).
 */
export function detailRows(change: ReviewChange): DetailRow[] {
  const response = change.text
    ? change.response.filter((c) => c.path !== "choices[0].content")
    : change.response;
  return [...change.request.map((c) => row("request", c)), ...response.map((c) => row("response", c))];
}

/** Where a change came from and how it was paired with it; null for a change with no old file. */
export function pairing(
  change: ReviewChange,
): { verb: "renamed" | "copied"; from: string; by: string } | null {
  if (change.oldPath === null) return null;
  const by =
    change.pairedBy === "test"
      ? "the same test id"
      : change.pairedBy === "request"
        ? "an equal or similar request"
        : "git's rename detection";
  return { verb: change.status === "copied" ? "copied" : "renamed", from: change.oldPath, by };
}

/** "Reply text and 3 changed fields": what a change's collapsible details hold. */
export function detailsLabel(text: boolean, fields: number): string {
  const count = `${fields} changed field${fields === 1 ? "" : "s"}`;
  if (!text) return `${count[0]?.toUpperCase() ?? ""}${count.slice(1)}`;
  return fields === 0 ? "Reply text" : `Reply text and ${count}`;
}
