import Link from "next/link";
import type { ListedChange } from "@/lib/views/compare/change-lists";
import { changeView } from "@/lib/views/compare/text-change";
import { BeforeAfter } from "./before-after";
import { WordDiff } from "./word-diff";

const KIND_TONES = {
  added: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  removed: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  changed: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-300",
} as const;

const VALUE =
  "max-h-64 overflow-auto rounded-md p-2 font-mono text-[12px] leading-5 whitespace-pre-wrap break-all";

function Value({ text, side }: { text: string | null; side: "a" | "b" }) {
  const tone =
    side === "a"
      ? "bg-red-50 text-red-950 dark:bg-red-500/10 dark:text-red-100"
      : "bg-emerald-50 text-emerald-950 dark:bg-emerald-500/10 dark:text-emerald-100";
  return (
    <div className="min-w-0">
      <p className="mb-0.5 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{side}</p>
      {text === null ? (
        <p className="text-xs text-zinc-500 italic">absent</p>
      ) : (
        <pre className={`${VALUE} ${tone}`}>{text}</pre>
      )}
    </div>
  );
}

/** Values short enough to read on one line, `a → b`. */
function isShort(text: string | null): boolean {
  return text === null || (text.length <= 80 && !text.includes("\n"));
}

function ChangeItem({ change }: { change: ListedChange }) {
  const view = changeView(change);
  return (
    <li className="space-y-1.5 px-3 py-2">
      <p className="flex flex-wrap items-center gap-2">
        <code className="font-mono text-[13px] break-all">{change.path || "(the whole file)"}</code>
        <span className={`rounded px-1 text-[11px] font-medium ${KIND_TONES[change.kind]}`}>
          {change.kind}
        </span>
        {change.noise && (
          // The rule that made it noise, by the name `tapedeck diff --json` gives it.
          <span className="rounded bg-zinc-100 px-1 text-[11px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
            {change.rule ? `noise · ${change.rule}` : "noise"}
          </span>
        )}
      </p>
      {view.type === "text" ? (
        <WordDiff parts={view.parts} label={`Word diff of ${change.path}`} />
      ) : isShort(view.before) && isShort(view.after) ? (
        <BeforeAfter before={view.before ?? "absent"} after={view.after ?? "absent"} />
      ) : (
        <div className="grid gap-2 md:grid-cols-2">
          <Value text={view.before} side="a" />
          <Value text={view.after} side="b" />
        </div>
      )}
    </li>
  );
}

/** A list of changes (path, kind, a → b); the first `limit` unless a "show all" link was followed. */
export function ChangeList({
  changes,
  label,
  limit,
  allHref,
  empty,
}: {
  changes: readonly ListedChange[];
  label: string;
  limit: number | null;
  allHref: string;
  empty: string;
}) {
  if (changes.length === 0) return <p className="text-sm text-zinc-500">{empty}</p>;
  const shown = limit === null ? changes : changes.slice(0, limit);
  return (
    <div className="space-y-1">
      <ul
        aria-label={label}
        className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
      >
        {shown.map((change, i) => (
          <ChangeItem key={`${change.path}:${i}`} change={change} />
        ))}
      </ul>
      {shown.length < changes.length && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {(changes.length - shown.length).toLocaleString("en-US")} more not shown.{" "}
          <Link href={allHref} className="text-indigo-700 underline dark:text-indigo-300">
            Show all {changes.length.toLocaleString("en-US")}
          </Link>
        </p>
      )}
    </div>
  );
}
