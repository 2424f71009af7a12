import type { Change } from "@/lib/diff/change";
import type { Comparison } from "@/lib/diff/compare";

/** A change as listed, with whether it is noise (shown only when the reader asks). */
export interface ListedChange extends Change {
  noise: boolean;
}

const listed =
  (noise: boolean) =>
  (change: Change): ListedChange => ({ ...change, noise });

function underResponse(change: Change): boolean {
  return (
    change.path === "response" || change.path.startsWith("response.") || change.path.startsWith("response[")
  );
}

/** Request and envelope changes; with `showNoise`, the noise outside the response too. */
export function requestChangeList(comparison: Comparison, showNoise: boolean): ListedChange[] {
  const noise = showNoise ? comparison.noise.filter((change) => !underResponse(change)) : [];
  return [...comparison.request.map(listed(false)), ...noise.map(listed(true))];
}

/** Raw response changes (chunk boundaries, fields outside the message); with `showNoise`, its noise too. */
export function rawResponseChangeList(comparison: Comparison, showNoise: boolean): ListedChange[] {
  const noise = showNoise ? comparison.noise.filter(underResponse) : [];
  return [...comparison.rawResponse.map(listed(false)), ...noise.map(listed(true))];
}

/** Changes under `prefix` (a JSON path): the path itself or anything inside it. */
export function changesUnder(changes: readonly Change[], prefix: string): Change[] {
  return changes.filter(
    (change) =>
      change.path === prefix || change.path.startsWith(`${prefix}.`) || change.path.startsWith(`${prefix}[`),
  );
}
