import type { MetadataRow } from "@/lib/views/compare/metadata-rows";

/** The facts of both sides in one table, the rows that differ marked. */
export function MetadataDiff({ rows }: { rows: readonly MetadataRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full table-fixed text-sm">
        <caption className="sr-only">Metadata of a and b</caption>
        <colgroup>
          <col className="w-28 md:w-40" />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 uppercase dark:border-zinc-800">
            <th scope="col" className="px-3 py-1.5 font-medium">
              Field
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              a
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              b
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.label}
              data-differs={row.differs || undefined}
              className={`border-b border-zinc-100 last:border-0 dark:border-zinc-800 ${row.differs ? "bg-amber-50 dark:bg-amber-500/10" : ""}`}
            >
              <th
                scope="row"
                className="px-3 py-1.5 text-left align-top font-medium text-zinc-600 dark:text-zinc-400"
              >
                {row.label}
                {row.differs && (
                  <span className="ml-1 text-amber-700 dark:text-amber-400" title="differs">
                    ≠<span className="sr-only"> (differs)</span>
                  </span>
                )}
              </th>
              <td className="px-3 py-1.5 align-top font-mono text-xs break-all">{row.a}</td>
              <td className="px-3 py-1.5 align-top font-mono text-xs break-all">{row.b}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
