import Link from "next/link";
import { recordingHref } from "@/lib/urls";
import type { StatusTone, StripRow } from "@/lib/views/recording/cassette-view";
import styles from "./cassette.module.css";

export const STATUS_TONES: Record<StatusTone, string> = {
  ok: "text-emerald-700 dark:text-emerald-400",
  redirect: "text-sky-700 dark:text-sky-400",
  "client-error": "text-amber-700 dark:text-amber-400",
  "server-error": "text-red-700 dark:text-red-400",
  none: "text-zinc-500",
};

interface InteractionStripProps {
  relPath: string;
  rows: (StripRow & { page: number })[];
  page: number;
}

/**
 * Every interaction of a cassette in one compact table: method, host and path, model, status,
 * streamed or not. Each row links to its section (on another page of a long cassette).
 */
export function InteractionStrip({ relPath, rows, page }: InteractionStripProps) {
  return (
    <nav
      aria-label="Interactions"
      className="max-h-80 overflow-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <table className="w-full table-fixed text-left text-xs">
        <thead className="sticky top-0 bg-zinc-50 text-zinc-500 dark:bg-zinc-900">
          <tr>
            <th scope="col" className="w-12 px-2 py-1 text-right font-medium">
              #
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Call
            </th>
            <th scope="col" className="hidden w-56 px-2 py-1 font-medium sm:table-cell">
              Model
            </th>
            <th scope="col" className="w-14 px-2 py-1 font-medium">
              Status
            </th>
            <th scope="col" className="w-36 px-2 py-1 font-medium">
              Reply
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const href =
              row.page === page
                ? `#interaction-${row.index}`
                : recordingHref(relPath, { page: row.page, interaction: row.index });
            return (
              <tr key={row.index} className={styles.row}>
                <td className={styles.index}>{row.index}</td>
                <td className={styles.call}>
                  <Link href={href} className={styles.link} title={`${row.method} ${row.host}${row.path}`}>
                    <span className="font-semibold">{row.method}</span>{" "}
                    <span className="text-zinc-500">{row.host}</span>
                    {row.path}
                  </Link>
                </td>
                <td className={styles.model}>{row.model ?? <span className="text-zinc-400">–</span>}</td>
                <td className={`${styles.code} ${STATUS_TONES[row.tone]}`}>{row.status ?? "–"}</td>
                <td className={styles.reply}>
                  {row.problem ? <span className="text-red-700 dark:text-red-400">problem · </span> : null}
                  {row.error
                    ? "error"
                    : row.streamed
                      ? `stream${row.chunks > 0 ? ` of ${row.chunks}` : ""}`
                      : "whole"}
                  {row.kind === "frames" ? " · frames" : row.family === "generic" ? " · HTTP" : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </nav>
  );
}
