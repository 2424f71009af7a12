import { WordDiff } from "@/components/compare/word-diff";
import { detailRows } from "@/lib/review/change-details";
import { replyDiff } from "@/lib/review/reply-diff";
import type { ReviewChange, ReviewInteraction } from "@/lib/review/review-types";
import { ReviewVerdictBadge } from "./review-verdict-badge";

const TEXT = "font-mono text-[13px] leading-5 whitespace-pre-wrap break-words";

function ReplyText({ text }: { text: { before: string; after: string } }) {
  const diff = replyDiff(text.before, text.after);
  if (diff.kind === "inline") return <WordDiff parts={diff.parts} label="Reply text, word diff" />;
  return (
    <div role="group" aria-label="Reply text, rewritten" className="grid gap-2 md:grid-cols-2">
      {(
        [
          ["before", diff.before, "border-red-200 dark:border-red-900/60"],
          ["after", diff.after, "border-emerald-200 dark:border-emerald-900/60"],
        ] as const
      ).map(([label, value, border]) => (
        <div key={label} className={`rounded-md border bg-white p-2 dark:bg-zinc-900 ${border}`}>
          <p className="mb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{label}</p>
          <p className={TEXT}>{value === "" ? <em className="text-zinc-500">(no text)</em> : value}</p>
        </div>
      ))}
    </div>
  );
}

/** A cassette's interaction pairs (index in a and in b; – for none), each with its verdict. */
function InteractionPairs({ pairs }: { pairs: readonly ReviewInteraction[] }) {
  return (
    <ol aria-label="Interaction pairs" className="space-y-1 text-xs">
      {pairs.map((pair, i) => (
        <li key={i} data-verdict={pair.verdict} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
          <ReviewVerdictBadge verdict={pair.verdict} />
          <span className="font-mono text-zinc-500">
            a #{pair.a ?? "–"} · b #{pair.b ?? "–"}
          </span>
          <span className="min-w-0 break-words">{pair.summary}</span>
        </li>
      ))}
    </ol>
  );
}

/**
 * What changed in one recording: a cassette's interaction pairs, the request and reply fields,
 * then the reply's text. The server
 * renders it when the change's card is opened (`loadChangeDetails` in app/review/actions.tsx), so
 * whatever a card holds beyond its summary belongs here; its collapsed label is
 * `changeDetailsLabel` (lib/views/review/change-card-data.ts).
 */
export function ChangeDetails({ change }: { change: ReviewChange }) {
  const rows = detailRows(change);
  return (
    <div className="mt-2 space-y-3">
      {change.interactions && change.interactions.length > 0 && (
        <InteractionPairs pairs={change.interactions} />
      )}
      {rows.length > 0 && (
        <div className="overflow-x-auto">
          {/* Fixed widths: left to itself, the field column shrank to a few letters a line. */}
          <table className="w-full table-fixed text-xs">
            <thead className="text-zinc-500">
              <tr className="border-b border-zinc-200 text-left dark:border-zinc-800">
                <th scope="col" className="w-16 py-1 pr-2 font-medium">
                  Side
                </th>
                <th scope="col" className="w-[28%] py-1 pr-2 font-medium">
                  Field
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Before
                </th>
                <th scope="col" className="py-1 font-medium">
                  After
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 align-top dark:divide-zinc-800">
              {rows.map((row, i) => (
                <tr key={i}>
                  <td className="py-1 pr-2 text-zinc-500">{row.side}</td>
                  <td className="py-1 pr-2 font-mono break-all">{row.field}</td>
                  <td className="py-1 pr-2 break-words text-red-800 dark:text-red-300">{row.before}</td>
                  <td className="py-1 break-words text-emerald-800 dark:text-emerald-300">{row.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {change.text && <ReplyText text={change.text} />}
    </div>
  );
}
