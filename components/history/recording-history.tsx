import Link from "next/link";
import { ReviewVerdictBadge } from "@/components/review/review-verdict-badge";
import { gitDisabledReason } from "@/lib/config";
import { rootRepository } from "@/lib/index/root-source";
import { recordingHistory, type HistoryEntry } from "@/lib/diff/history";
import { compareHref } from "@/lib/urls";
import { historyRows, type HistoryRow } from "@/lib/views/compare/history-rows";
import { getIndex } from "@/lib/index/server-index";
import { HistoryPicker, VersionRadio } from "./history-picker";

const NOTE = "text-sm text-zinc-600 dark:text-zinc-400";
const CHANGE_LABELS: Record<HistoryEntry["change"], string> = {
  added: "added",
  modified: "modified",
  renamed: "renamed",
  "re-recorded": "re-recorded under a new name",
};

function ChangeCell({ row }: { row: HistoryRow }) {
  return (
    <div className="space-y-0.5">
      <span className="text-xs text-zinc-600 dark:text-zinc-400">
        {CHANGE_LABELS[row.change]}
        {row.pairedBy &&
          row.pairedBy !== "git" &&
          ` (paired by ${row.pairedBy === "test" ? "test id" : "request"})`}
      </span>
      {row.otherPath && (
        <p className="font-mono text-[11px] break-all text-zinc-500" title={row.otherPath}>
          then: {row.otherPath.slice(row.otherPath.lastIndexOf("/") + 1)}
        </p>
      )}
    </div>
  );
}

function Row({ row, position, pickable }: { row: HistoryRow; position: number; pickable: boolean }) {
  const cell = "px-2 py-1.5 align-top";
  return (
    <tr className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
      {pickable && (
        <>
          <td className={`${cell} text-center`}>
            {row.source && (
              <VersionRadio side="a" position={position} value={row.source} label={`a: ${row.short}`} />
            )}
          </td>
          <td className={`${cell} text-center`}>
            {row.source && (
              <VersionRadio side="b" position={position} value={row.source} label={`b: ${row.short}`} />
            )}
          </td>
        </>
      )}
      <td className={`${cell} font-mono text-xs`} title={row.commit}>
        {row.short}
      </td>
      <td className={`${cell} text-xs whitespace-nowrap text-zinc-500`}>{row.date}</td>
      <td className={`${cell} min-w-48`}>
        <p>{row.subject}</p>
        <ChangeCell row={row} />
      </td>
      <td className={`${cell} min-w-56`}>
        {row.verdict ? (
          <div className="space-y-0.5">
            <ReviewVerdictBadge verdict={row.verdict} />
            <p className="font-mono text-[11px] break-words text-zinc-500">{row.summary}</p>
          </div>
        ) : (
          <span className="text-xs text-zinc-500">{row.summary}</span>
        )}
      </td>
      <td className={`${cell} text-xs whitespace-nowrap`}>
        {row.previousHref ? (
          <Link
            href={row.previousHref}
            aria-label={`Compare ${row.short} with the version before`}
            className="text-indigo-700 hover:underline dark:text-indigo-300"
          >
            compare with previous
          </Link>
        ) : row.source === null ? (
          <span className="text-zinc-500">outside the root</span>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * Every commit in which this recording changed, newest first, each with its verdict against the
 * version before, a link comparing the two, and radios to compare any two versions.
 */
export async function RecordingHistory({ relPath }: { relPath: string }) {
  const disabled = gitDisabledReason();
  if (disabled !== null) return <p className={NOTE}>{disabled}</p>;
  const index = await getIndex();
  const repo = await rootRepository(index.root);
  if (!repo) return <p className={NOTE}>Not in a git checkout: no history</p>;
  let entries: HistoryEntry[];
  try {
    entries = await recordingHistory(repo.top, `${repo.prefix}${relPath}`);
  } catch (error) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        The history could not be read: {error instanceof Error ? error.message : String(error)}
      </p>
    );
  }
  if (entries.length === 0) return <p className={NOTE}>No commit holds this file yet.</p>;
  const rows = historyRows(entries, repo.prefix, relPath);
  const pickable = rows.filter((row) => row.source !== null).length > 1;
  const latest = rows[0]?.source;
  const table = (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-sm">
        <caption className="sr-only">Versions of this recording, newest first</caption>
        <thead>
          <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
            {pickable && (
              <>
                <th scope="col" className="px-2 py-1.5 text-center font-medium">
                  a
                </th>
                <th scope="col" className="px-2 py-1.5 text-center font-medium">
                  b
                </th>
              </>
            )}
            <th scope="col" className="px-2 py-1.5 font-medium">
              Commit
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Date
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Subject
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Against the version before
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              <span className="sr-only">Compare</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, position) => (
            <Row key={row.commit} row={row} position={position} pickable={pickable} />
          ))}
        </tbody>
      </table>
    </div>
  );
  const firstPick = (from: number) => {
    const found = rows.findIndex((row, i) => i >= from && row.source !== null);
    return found === -1 ? null : found;
  };
  const b = firstPick(0);
  return (
    <div className="space-y-2">
      <p className={NOTE}>
        {rows.length} version{rows.length === 1 ? "" : "s"} in git.{" "}
        {latest && (
          <Link
            href={compareHref({ a: latest, b: relPath })}
            className="text-indigo-700 hover:underline dark:text-indigo-300"
          >
            Compare the file on disk with the last commit
          </Link>
        )}
      </p>
      {pickable ? (
        <HistoryPicker initialA={b === null ? null : firstPick(b + 1)} initialB={b}>
          {table}
        </HistoryPicker>
      ) : (
        table
      )}
    </div>
  );
}
