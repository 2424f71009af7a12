import type { HttpHeader } from "@/lib/model/recording-file";
import { MaskedText } from "@/components/recording/masked-text";

function HeaderTable({ title, headers }: { title: string; headers: HttpHeader[] }) {
  return (
    <div className="min-w-0">
      <h4 className="text-xs font-medium uppercase tracking-wide text-zinc-500">
        {title} ({headers.length})
      </h4>
      {headers.length === 0 ? (
        <p className="text-xs text-zinc-500">none recorded</p>
      ) : (
        <table className="w-full text-left font-mono text-xs">
          <tbody>
            {headers.map((header, i) => (
              <tr key={i} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <th
                  scope="row"
                  className="whitespace-nowrap py-0.5 pr-3 font-medium text-zinc-600 dark:text-zinc-400"
                >
                  {header.name}
                </th>
                <td className="break-all py-0.5">
                  <MaskedText text={header.value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The request and response headers, collapsed until asked for. */
export function HttpHeaders({ request, response }: { request: HttpHeader[]; response: HttpHeader[] }) {
  return (
    <details className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer text-sm font-medium">
        Headers{" "}
        <span className="font-normal text-zinc-500">
          ({request.length} sent, {response.length} received)
        </span>
      </summary>
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        <HeaderTable title="Request headers" headers={request} />
        <HeaderTable title="Response headers" headers={response} />
      </div>
    </details>
  );
}
