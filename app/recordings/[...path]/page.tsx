import type { Metadata } from "next";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { RecordingHistory } from "@/components/history/recording-history";
import { RecordingView } from "@/components/recording/recording-view";
import { getIndex } from "@/lib/index/server-index";
import { relPathFromUrlSegments } from "@/lib/index/rel-path";

interface RecordingPageProps {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: RecordingPageProps): Promise<Metadata> {
  const relPath = relPathFromUrlSegments((await params).path);
  return { title: relPath ? relPath.slice(relPath.lastIndexOf("/") + 1) : "Recording" };
}

export default async function RecordingPage({ params, searchParams }: RecordingPageProps) {
  const relPath = relPathFromUrlSegments((await params).path);
  const pageParam = (await searchParams).page;
  const page = typeof pageParam === "string" && /^\d{1,9}$/.test(pageParam) ? Number(pageParam) : 1;
  if (!relPath) notFound();
  const index = await getIndex();
  const opened = await index.open(relPath);
  if (!opened) notFound();
  return (
    <div className="space-y-8">
      <RecordingView root={index.root} opened={opened} page={page} />
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <Suspense fallback={<p className="text-sm text-zinc-500">Reading the git history…</p>}>
          <RecordingHistory relPath={relPath} />
        </Suspense>
      </section>
    </div>
  );
}
