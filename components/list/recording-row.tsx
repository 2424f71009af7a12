import Link from "next/link";
import { recordingHref } from "@/lib/urls";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import { Badge } from "./badge";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One recording in the list: what kind of call, which model, and the prompt → reply in brief. */
export function RecordingRow({ summary }: { summary: RecordingSummary }) {
  return (
    <Link href={recordingHref(summary.relPath)} data-row className="recording-row">
      <div className="flex flex-wrap items-center gap-1.5">
        {summary.broken ? (
          <Badge tone="red">broken</Badge>
        ) : (
          <>
            {summary.format !== "llama-stack" && summary.format !== null ? (
              <Badge tone="amber">
                {summary.format} · {summary.interactions.length}{" "}
                {summary.interactions.length === 1 ? "interaction" : "interactions"}
              </Badge>
            ) : null}
            {summary.kind ? <Badge tone="blue">{summary.kind}</Badge> : null}
            {summary.family ? <Badge>{summary.family}</Badge> : null}
            {summary.streaming ? <Badge tone="violet">stream · {summary.chunks} chunks</Badge> : null}
            {summary.toolCalls > 0 ? <Badge tone="green">{summary.toolCalls} tool calls</Badge> : null}
            {summary.error ? <Badge tone="red">error</Badge> : null}
          </>
        )}
        {summary.model ? (
          <span className="font-mono text-xs text-zinc-700 dark:text-zinc-300">{summary.model}</span>
        ) : null}
        {summary.test?.params ? (
          <span className="truncate font-mono text-[11px] text-zinc-500" title={summary.test.params}>
            [{summary.test.params}]
          </span>
        ) : null}
        <span className="ml-auto font-mono text-[11px] text-zinc-400" title={summary.relPath}>
          {summary.fileName.length > 24 ? `${summary.fileName.slice(0, 12)}…` : summary.fileName} ·{" "}
          {formatSize(summary.size)}
        </span>
      </div>
      {summary.broken ? (
        <p className="mt-1 text-sm text-red-700 dark:text-red-400">{summary.broken.reason}</p>
      ) : (
        <p className="mt-1 line-clamp-2 text-sm text-zinc-700 dark:text-zinc-300">
          {summary.prompt ? <span>{summary.prompt}</span> : null}
          {summary.prompt && summary.reply ? <span className="text-zinc-400"> → </span> : null}
          {summary.error ? (
            <span className="text-red-700 dark:text-red-400">{summary.error}</span>
          ) : (
            <span className="text-zinc-500 dark:text-zinc-400">{summary.reply}</span>
          )}
        </p>
      )}
    </Link>
  );
}
