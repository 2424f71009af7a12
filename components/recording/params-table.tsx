import { useId } from "react";
import { prettyJson } from "@/lib/views/recording/message-view";
import { MaskedText } from "./masked-text";

function ParamValue({ value }: { value: unknown }) {
  if (typeof value === "string") {
    return (
      <span className="whitespace-pre-wrap break-words">
        <MaskedText text={value} />
      </span>
    );
  }
  const compact = JSON.stringify(value) ?? String(value);
  if (compact.length <= 120) {
    return (
      <code className="break-all font-mono">
        <MaskedText text={compact} />
      </code>
    );
  }
  return (
    <details>
      <summary className="cursor-pointer font-mono">{compact.slice(0, 100)}…</summary>
      <pre className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-words font-mono text-xs">
        {prettyJson(value)}
      </pre>
    </details>
  );
}

/** Every request parameter that is not the conversation or the tools. */
export function ParamsTable({ params }: { params: Record<string, unknown> }) {
  const paramsId = useId();
  const entries = Object.entries(params);
  return (
    <section aria-labelledby={paramsId} className="space-y-2">
      <h3 id={paramsId} className="text-base font-semibold">
        Parameters
      </h3>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500">No other parameters.</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-zinc-200 bg-white text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <thead className="sr-only">
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {entries.map(([key, value]) => (
              <tr key={key} className="align-top">
                <th
                  scope="row"
                  className="w-1/4 px-3 py-1.5 text-left font-mono font-medium text-zinc-600 dark:text-zinc-400"
                >
                  {key}
                </th>
                <td className="px-3 py-1.5 font-mono text-[13px]">
                  <ParamValue value={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
