import Link from "next/link";
import { Badge } from "@/components/list/badge";
import { ChangeList } from "@/components/compare/change-list";
import type { CandidateView } from "@/lib/views/match/match-page";

/** One recording the request could have replayed from: where, how close, and what differs. */
export function CandidateCard({ candidate }: { candidate: CandidateView }) {
  const label = `${candidate.path}${candidate.interaction === null ? "" : ` #${candidate.interaction}`}`;
  return (
    <li className="space-y-2 px-3 py-3" aria-label={`Candidate ${candidate.rank}`}>
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="text-sm font-semibold text-zinc-500 tabular-nums">{candidate.rank}.</span>
        <Link
          href={candidate.href}
          className="font-mono text-[13px] break-all text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {label}
        </Link>
        <Badge tone={candidate.exact ? "green" : "neutral"}>score {candidate.score}</Badge>
        {candidate.exact && <Badge tone="green">exact match</Badge>}
        {candidate.relation && <Badge tone="blue">{candidate.relation}</Badge>}
        {candidate.hash === "carries" && <Badge tone="green">name carries the hash</Badge>}
        {candidate.hash === "differs" && <Badge tone="amber">name is another hash</Badge>}
        <Link
          href={candidate.compareHref}
          className="ml-auto text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          Compare requests
        </Link>
      </div>
      {candidate.verdict && <p className="text-sm text-zinc-700 dark:text-zinc-300">{candidate.verdict}</p>}
      {candidate.changes.length > 0 && (
        // The best candidate's differences are open; the others' a click away, so the list stays short.
        <details open={candidate.rank === 1} className="group">
          <summary className="cursor-pointer text-sm text-zinc-600 dark:text-zinc-400">
            {candidate.changes.length} difference{candidate.changes.length === 1 ? "" : "s"} (recording →
            request)
          </summary>
          <div className="mt-2">
            <ChangeList
              changes={candidate.changes}
              label={`Differences from candidate ${candidate.rank}`}
              limit={null}
              allHref=""
              empty=""
            />
          </div>
        </details>
      )}
    </li>
  );
}
