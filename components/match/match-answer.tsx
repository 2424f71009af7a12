import { Badge } from "@/components/list/badge";
import type { AnswerView } from "@/lib/views/match/match-page";
import { CandidateCard } from "./candidate-card";

/** The answer for one request (or one failure of a log): the request, its hash, the candidates. */
export function MatchAnswer({ answer, index }: { answer: AnswerView; index: number }) {
  const id = `answer-${index}`;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 id={id} className="text-lg font-semibold break-all">
          {answer.title}
        </h2>
        <Badge tone={answer.exact ? "green" : "amber"}>
          {answer.exact ? "exact match found" : "no exact match"}
        </Badge>
      </div>
      {answer.failure.length > 0 && (
        <pre className="overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-800/60">
          {answer.failure.join("\n")}
        </pre>
      )}
      <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-zinc-500">Request</dt>
        <dd className="font-mono text-[13px] break-all">{answer.request}</dd>
        {answer.requestHash && (
          <>
            <dt className="text-zinc-500">Hash</dt>
            <dd className="font-mono text-[13px] break-all">{answer.requestHash}</dd>
          </>
        )}
      </dl>
      {answer.notes.map((note) => (
        <p
          key={note}
          className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm dark:border-sky-900 dark:bg-sky-950"
        >
          {note}
        </p>
      ))}
      {answer.candidates.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No recording under this root to compare with.
        </p>
      ) : (
        <ol
          aria-label={`Candidates for ${answer.title}`}
          className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
        >
          {answer.candidates.map((candidate) => (
            <CandidateCard key={`${candidate.path}#${candidate.interaction ?? ""}`} candidate={candidate} />
          ))}
        </ol>
      )}
    </section>
  );
}
