import Link from "next/link";
import { listHref, testHref } from "@/lib/urls";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import type { Exchange } from "@/lib/model/exchange";
import type { FileNameInfo } from "@/lib/recording/file-name";
import { formatBytes, formatCount } from "@/lib/views/recording/format";
import { CopyButton } from "./copy-button";

export interface HeaderCopies {
  requestBody: string | null;
  messageText: string | null;
  /** Where the raw JSON (or raw text of a broken file) comes from: an element, or a loader. */
  raw: { label: string; targetId: string } | { label: string; load: () => Promise<string | null> };
}

interface RecordingHeaderProps {
  summary: RecordingSummary;
  exchange: Exchange | null;
  nameInfo: FileNameInfo | null;
  githubUrl: string | null;
  copies: HeaderCopies;
  /** More fields to show (a cassette's recorder, interactions, hosts and models). */
  facts?: { label: string; value: string }[];
}

const SCHEMES: Record<FileNameInfo["scheme"], string> = {
  "hash-12": "12-digit request hash",
  "hash-64": "64-digit request hash",
  models: "model list name",
  other: "not a request hash",
};

const ENDPOINT_LABELS: Record<string, string> = { "tool-invocation": "Tool", "file-processing": "API" };

function NameMatch({ info }: { info: FileNameInfo }) {
  const tone =
    info.matches === true
      ? "text-emerald-700 dark:text-emerald-400"
      : info.matches === false
        ? "text-amber-700 dark:text-amber-400"
        : "text-zinc-500";
  const verdict =
    info.matches === true
      ? "matches the request hash"
      : info.matches === false
        ? "does not match the request hash"
        : "cannot be checked against the request";
  return (
    <span>
      {SCHEMES[info.scheme]}; <span className={tone}>{verdict}</span>
      {info.basis && <span className="text-zinc-500"> (hash of {info.basis})</span>}
      {info.matches === false && info.computedHash && (
        <span className="block font-mono text-xs text-zinc-500">
          computed {info.computedHash.slice(0, 16)}…
        </span>
      )}
    </span>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className="break-words text-sm">{children}</dd>
    </div>
  );
}

function streamingText(exchange: Exchange, summary: RecordingSummary): string {
  const response = exchange.response;
  if (response.type === "message" && response.streaming)
    return `streamed, ${formatCount(summary.chunks)} chunks`;
  if (response.type === "result" && response.streaming) return "streamed";
  return "not streamed";
}

/** File name, what the recording is, where it came from, and copy buttons. */
export function RecordingHeader({
  summary,
  exchange,
  nameInfo,
  githubUrl,
  copies,
  facts = [],
}: RecordingHeaderProps) {
  const request = exchange?.request;
  const provider = exchange ? [exchange.provider, exchange.providerDetail].filter(Boolean).join(" · ") : null;
  return (
    <header className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href="/recordings" className="hover:underline">
          Recordings
        </Link>
        <span aria-hidden> / </span>
        <Link href={listHref({ suite: summary.suite })} className="hover:underline">
          {summary.suite}
        </Link>
      </nav>
      <div className="space-y-1">
        <h1 className="break-all font-mono text-lg font-semibold">{summary.fileName}</h1>
        <p className="break-all font-mono text-xs text-zinc-500">{summary.relPath}</p>
      </div>
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900">
        <Field label="Suite">{summary.suite}</Field>
        <Field label="Test">
          {summary.testId ? (
            <Link
              href={testHref(summary.testId)}
              className="break-all text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {summary.testId}
            </Link>
          ) : (
            <span className="text-zinc-500">none recorded</span>
          )}
        </Field>
        {facts.map((fact) => (
          <Field key={fact.label} label={fact.label}>
            {fact.value}
          </Field>
        ))}
        {exchange && (
          <>
            <Field label="Family">{exchange.family}</Field>
            <Field label="Kind">{exchange.kind}</Field>
            <Field label="Provider">{provider}</Field>
            <Field label="Model">{exchange.model ?? <span className="text-zinc-500">unknown</span>}</Field>
            <Field label="Streaming">{streamingText(exchange, summary)}</Field>
          </>
        )}
        <Field label="Size">{formatBytes(summary.size)}</Field>
        {request && (request.url || request.method) ? (
          <Field label="Request">
            <span className="font-mono text-xs">
              {request.method && <span className="font-semibold">{request.method} </span>}
              <span className="break-all">{request.url ?? request.endpoint}</span>
            </span>
          </Field>
        ) : (
          request?.endpoint && (
            <Field label={ENDPOINT_LABELS[exchange?.kind ?? ""] ?? "Endpoint"}>
              <span className="font-mono text-xs">{request.endpoint}</span>
            </Field>
          )
        )}
        {nameInfo && (
          <Field label="File name">
            <NameMatch info={nameInfo} />
          </Field>
        )}
      </dl>
      <div className="flex flex-wrap items-center gap-2">
        {copies.requestBody !== null && (
          <CopyButton label="Copy request body" text={copies.requestBody}>
            Request body
          </CopyButton>
        )}
        {copies.messageText !== null && (
          <CopyButton label="Copy message text" text={copies.messageText}>
            Message text
          </CopyButton>
        )}
        <CopyButton {...copies.raw}>{copies.raw.label.replace(/^Copy raw/, "Raw")}</CopyButton>
        {githubUrl && (
          <a
            href={githubUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="ml-auto text-sm text-indigo-700 hover:underline dark:text-indigo-300"
          >
            View on GitHub ↗
          </a>
        )}
      </div>
      {exchange && exchange.notes.length > 0 && exchange.response.type !== "unknown" && (
        <aside
          aria-label="Notes"
          className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950/40"
        >
          <ul className="list-disc space-y-1 pl-5">
            {exchange.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </aside>
      )}
    </header>
  );
}
