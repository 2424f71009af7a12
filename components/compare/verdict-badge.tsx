import type { Verdict } from "@/lib/diff/compare";

const TONES: Record<Verdict, string> = {
  identical:
    "bg-emerald-100 text-emerald-800 ring-emerald-300 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-500/40",
  noise: "bg-sky-100 text-sky-800 ring-sky-300 dark:bg-sky-500/15 dark:text-sky-300 dark:ring-sky-500/40",
  response:
    "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-500/40",
  request:
    "bg-violet-100 text-violet-800 ring-violet-300 dark:bg-violet-500/15 dark:text-violet-300 dark:ring-violet-500/40",
  error: "bg-red-100 text-red-800 ring-red-300 dark:bg-red-500/15 dark:text-red-300 dark:ring-red-500/40",
};

/** What each verdict means, for a tooltip and for screen readers. */
export const VERDICT_MEANINGS: Record<Verdict, string> = {
  identical: "the two recordings are the same",
  noise: "only volatile fields (ids, times, fingerprints, chunking) differ",
  response: "same request, a different reply",
  request: "the request differs",
  error: "one side is an error, or the error changed",
};

/** The verdict of a comparison as a colored badge; `large` for the top of the compare page. */
export function VerdictBadge({ verdict, large = false }: { verdict: Verdict; large?: boolean }) {
  const size = large ? "px-3 py-1 text-lg font-semibold" : "px-1.5 py-0.5 text-[11px] font-medium";
  return (
    <span
      title={VERDICT_MEANINGS[verdict]}
      data-verdict={verdict}
      className={`inline-flex items-center rounded-md ring-1 ring-inset uppercase tracking-wide ${size} ${TONES[verdict]}`}
    >
      {verdict}
    </span>
  );
}
