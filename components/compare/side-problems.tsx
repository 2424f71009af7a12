import { brokenView } from "@/lib/views/recording/broken-view";
import type { PageSide } from "@/lib/views/compare/load-pair";

const SIDE_NAMES = { a: "a (before)", b: "b (after)" } as const;

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section
      role="alert"
      aria-label={title}
      className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/40"
    >
      <h2 className="text-base font-semibold text-red-800 dark:text-red-300">{title}</h2>
      {children}
    </section>
  );
}

function Source({ source }: { source: string }) {
  return source === "" ? null : (
    <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{source}</p>
  );
}

/** Why one side cannot be compared: a source that cannot be read, or a file that does not decode. */
export function SideProblem({ which, side }: { which: "a" | "b"; side: PageSide }) {
  if (side.status === "problem") {
    return (
      <Panel title={`Cannot read ${SIDE_NAMES[which]}`}>
        <Source source={side.source} />
        <p className="text-sm">{side.message}</p>
      </Panel>
    );
  }
  if (side.status !== "broken") return null;
  const { loaded } = side;
  const view = brokenView({
    size: loaded.text?.length ?? 0,
    mtimeMs: 0,
    text: loaded.text,
    decoded: loaded.decoded,
  });
  if (!view) return null;
  return (
    <Panel title={`${SIDE_NAMES[which]} is not a readable recording`}>
      <Source source={side.source} />
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[6rem_1fr]">
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">Failure</dt>
        <dd className="font-mono">{view.kind}</dd>
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">Reason</dt>
        <dd className="break-words whitespace-pre-wrap">{view.reason}</dd>
      </dl>
      {view.excerpt && (
        <pre
          aria-label={`Around line ${view.excerpt.line}`}
          className="overflow-x-auto rounded-md bg-white p-2 font-mono text-[12px] leading-5 dark:bg-zinc-900"
        >
          {view.excerpt.lines.map((line) => (
            <span
              key={line.number}
              className={line.number === view.excerpt?.line ? "block bg-red-100 dark:bg-red-500/20" : "block"}
            >
              <span className="mr-3 inline-block w-8 text-right text-zinc-400 select-none">
                {line.number}
              </span>
              {line.text}
            </span>
          ))}
        </pre>
      )}
    </Panel>
  );
}
