import { useId } from "react";
import type { ModelEntry } from "@/lib/model/exchange";

function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}

/** The models a provider listed. */
export function ModelsTable({ models }: { models: ModelEntry[] }) {
  const modelsId = useId();
  return (
    <section aria-labelledby={modelsId} className="space-y-2">
      <h3 id={modelsId} className="text-base font-semibold">
        Models <span className="text-sm font-normal text-zinc-500">({models.length})</span>
      </h3>
      {models.length === 0 ? (
        <p className="text-sm text-zinc-500">The list is empty.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <table className="w-full bg-white text-sm dark:bg-zinc-900">
            <thead className="bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500 dark:bg-zinc-950/40">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Model
                </th>
                <th scope="col" className="px-3 py-2">
                  Owned by
                </th>
                <th scope="col" className="px-3 py-2">
                  Details
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {models.map((model, i) => {
                const details = detailText(model.details);
                return (
                  <tr key={`${model.id}-${i}`} className="align-top">
                    <td className="px-3 py-1.5 font-mono">{model.id}</td>
                    <td className="px-3 py-1.5">
                      {model.ownedBy ?? <span className="text-zinc-400">—</span>}
                    </td>
                    <td className="max-w-xl px-3 py-1.5 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                      <span className="line-clamp-3 break-all" title={details}>
                        {details}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
