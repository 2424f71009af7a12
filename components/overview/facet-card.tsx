import Link from "next/link";
import { listHref } from "@/lib/urls";

/** A titled list of values with counts, each linking to the list filtered by it. */
export function FacetCard({
  title,
  param,
  counts,
  limit = 12,
}: {
  title: string;
  param: string;
  counts: [string, number][];
  limit?: number;
}) {
  const shown = counts.slice(0, limit);
  const max = Math.max(1, ...shown.map(([, count]) => count));
  return (
    <section
      aria-labelledby={`facet-${param}`}
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id={`facet-${param}`} className="mb-3 text-sm font-semibold text-zinc-700 dark:text-zinc-200">
        {title}
      </h2>
      <ul className="space-y-1 text-sm">
        {shown.map(([value, count]) => (
          <li key={value}>
            <Link
              href={listHref({ [param]: value })}
              className="group relative flex items-center justify-between gap-3 rounded px-2 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              <span
                aria-hidden
                className="absolute inset-y-0 left-0 rounded bg-indigo-100 dark:bg-indigo-950"
                style={{ width: `${(count / max) * 100}%` }}
              />
              <span className="relative truncate font-mono text-xs" title={value}>
                {value}
              </span>
              <span className="relative tabular-nums text-zinc-600 dark:text-zinc-300">{count}</span>
            </Link>
          </li>
        ))}
      </ul>
      {counts.length > limit ? (
        <p className="mt-2 text-xs text-zinc-500">and {counts.length - limit} more</p>
      ) : null}
    </section>
  );
}
