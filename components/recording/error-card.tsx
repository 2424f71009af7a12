import type { RecordedError } from "@/lib/model/exchange";
import { JsonBlock } from "./code-block";

/** A recorded error: what kind, which status, the message, and the provider's body. */
export function ErrorCard({ error }: { error: RecordedError }) {
  return (
    <article
      aria-label="Error"
      className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/40"
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="text-base font-semibold text-red-800 dark:text-red-300">{error.type}</h3>
        {error.status !== null && (
          <span className="rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs text-red-800 dark:bg-red-500/20 dark:text-red-200">
            HTTP {error.status}
          </span>
        )}
      </header>
      <p className="whitespace-pre-wrap break-words text-sm">{error.message}</p>
      {error.body !== undefined && error.body !== null && (
        <div className="space-y-1">
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">Provider body</p>
          <JsonBlock value={error.body} label="Provider error body" />
        </div>
      )}
    </article>
  );
}
