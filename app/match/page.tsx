import type { Metadata } from "next";
import { MatchAnswer } from "@/components/match/match-answer";
import { MatchForm } from "@/components/match/match-form";
import { RequestCompare } from "@/components/match/request-compare";
import { loadMatchPage } from "@/lib/views/match/match-page";
import { parseMatchQuery } from "@/lib/views/match/match-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Match" };

export default async function MatchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const view = await loadMatchPage(parseMatchQuery(await searchParams));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Why did replay miss?</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Paste the request your test sends now, or the test log with the replay error: the closest recordings
          come first (same test, then same endpoint and model, then the most similar request), each with what
          differs.
        </p>
      </div>
      <MatchForm form={view.form} />
      {view.state === "expired" && (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          This paste is no longer held by the server (it restarted, or many pastes came after it). Paste it
          again.
        </p>
      )}
      {view.state === "error" && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm dark:border-red-800 dark:bg-red-950"
        >
          {view.message}
        </p>
      )}
      {view.state === "answered" && (
        <>
          {view.answers.map((answer, i) => (
            <MatchAnswer key={i} answer={answer} index={i} />
          ))}
          {view.compare && <RequestCompare compare={view.compare} />}
        </>
      )}
    </div>
  );
}
