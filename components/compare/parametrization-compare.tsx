import Link from "next/link";
import { compareHref } from "@/lib/urls";
import { compareLinkLabel, pairByCall, type CallOption } from "@/lib/views/compare/test-calls";

export interface CallGroup {
  testId: string;
  label: string;
  calls: CallOption[];
}

const SELECT =
  "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

function CallSelect({
  name,
  label,
  groups,
  value,
}: {
  name: string;
  label: string;
  groups: readonly CallGroup[];
  value: string | undefined;
}) {
  return (
    <label className="block min-w-0 flex-1 space-y-1">
      <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
      <select name={name} defaultValue={value} className={SELECT}>
        {groups.map((group) => (
          <optgroup key={group.testId} label={group.label}>
            {group.calls.map((call) => (
              <option key={call.relPath} value={call.relPath}>
                {call.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** Two recordings of one test, any parametrization and call, opened side by side on the compare page. */
export function ParametrizationCompare({
  groups,
  reference,
}: {
  groups: readonly CallGroup[];
  reference: CallGroup;
}) {
  const other = groups.find((group) => group !== reference);
  return (
    <form
      action="/compare"
      method="get"
      aria-label="Compare two parametrizations"
      className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-col gap-2 md:flex-row">
        <CallSelect name="a" label="a (before)" groups={groups} value={reference.calls[0]?.relPath} />
        <CallSelect
          name="b"
          label="b (after)"
          groups={groups}
          value={(other ?? reference).calls[0]?.relPath}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Compare
        </button>
        <p className="text-xs text-zinc-500">
          {groups.some((group) => group.calls.some((call) => call.cassette))
            ? "A cassette holds all of its test's calls: the comparison pairs them (in order, then by endpoint and request) and opens each pair. "
            : "Calls are ordered by how many messages they sent. "}
          Across providers the verdict is usually &ldquo;request&rdquo; (another model); the reply diff still
          shows how the answers differ.
        </p>
      </div>
    </form>
  );
}

/**
 * Links comparing the n-th recording of the selected parametrization with the n-th of `group`;
 * for cassettes the compare page lists every pair of their calls.
 */
export function CompareWithSelected({ group, reference }: { group: CallGroup; reference: CallGroup }) {
  const pairs = pairByCall(reference.calls, group.calls);
  if (pairs.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-x-2 text-xs">
      {pairs.map(({ a, b }) => (
        <Link
          key={b.relPath}
          href={compareHref({ a: a.relPath, b: b.relPath })}
          className="text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {compareLinkLabel({ a, b }, pairs.length > 1)}
        </Link>
      ))}
    </span>
  );
}
