import type { BrokenView } from "@/lib/views/recording/broken-view";

export const BROKEN_TEXT_ID = "broken-raw-text";

/** A file that could not be decoded: the failure, the reason, where, and the text as it is. */
export function BrokenRecording({ view }: { view: BrokenView }) {
  return (
    <>
      <section
        aria-labelledby="broken-heading"
        className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/40"
      >
        <h2 id="broken-heading" className="text-lg font-semibold text-red-800 dark:text-red-300">
          This file could not be decoded
        </h2>
        <dl className="grid gap-2 sm:grid-cols-[10rem_1fr]">
          <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">Failure</dt>
          <dd className="font-mono text-sm">{view.kind}</dd>
          <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">Reason</dt>
          <dd className="whitespace-pre-wrap break-words text-sm">{view.reason}</dd>
        </dl>
        {view.excerpt && (
          <figure className="space-y-1">
            <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">
              Around line {view.excerpt.line}, column {view.excerpt.column}
            </figcaption>
            <pre className="overflow-x-auto rounded-md bg-white p-2 font-mono text-[13px] leading-5 dark:bg-zinc-900">
              {view.excerpt.lines.map((line) => (
                <span
                  key={line.number}
                  className={
                    line.number === view.excerpt?.line ? "block bg-red-100 dark:bg-red-500/20" : "block"
                  }
                >
                  <span className="mr-3 inline-block w-10 select-none text-right text-zinc-400">
                    {line.number}
                  </span>
                  {line.text}
                </span>
              ))}
            </pre>
          </figure>
        )}
      </section>
      <section aria-labelledby="raw-text-heading" className="space-y-2">
        <h2 id="raw-text-heading" className="text-lg font-semibold">
          {view.binary ? "Raw bytes" : "Raw text"}
        </h2>
        {view.note && <p className="text-sm text-zinc-600 dark:text-zinc-400">{view.note}</p>}
        {view.binary && (
          <pre
            id={BROKEN_TEXT_ID}
            aria-label={`First ${view.binary.shown} bytes as hex`}
            className="overflow-x-auto rounded-lg border border-zinc-200 bg-white p-3 font-mono text-[13px] leading-5 dark:border-zinc-800 dark:bg-zinc-900"
          >
            {view.binary.hex.join("\n")}
          </pre>
        )}
        {view.text !== null && (
          <pre
            id={BROKEN_TEXT_ID}
            className="max-h-[80vh] overflow-auto whitespace-pre-wrap break-all rounded-lg border border-zinc-200 bg-white p-3 font-mono text-[13px] leading-5 dark:border-zinc-800 dark:bg-zinc-900"
          >
            {view.text}
          </pre>
        )}
      </section>
    </>
  );
}
