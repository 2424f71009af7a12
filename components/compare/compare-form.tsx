import Link from "next/link";
import { compareHref } from "@/lib/urls";
import type { CompareQuery } from "@/lib/views/compare/compare-query";

const INPUT =
  "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** The two sources to compare, editable; a plain GET form, so it works without JavaScript. */
export function CompareForm({ query }: { query: CompareQuery }) {
  return (
    <form
      action="/compare"
      method="get"
      aria-label="Sources to compare"
      className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="grid gap-2 md:grid-cols-2">
        <label className="block space-y-1">
          <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">a (before)</span>
          <input name="a" defaultValue={query.a} spellCheck={false} className={INPUT} />
        </label>
        <label className="block space-y-1">
          <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">b (after)</span>
          <input name="b" defaultValue={query.b} spellCheck={false} className={INPUT} />
        </label>
      </div>
      {query.noise && <input type="hidden" name="noise" value="1" />}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Compare
        </button>
        {query.a && query.b && (
          <Link
            href={compareHref({ a: query.b, b: query.a, noise: query.noise })}
            className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
          >
            Swap a and b
          </Link>
        )}
        <p className="text-xs text-zinc-500">
          Each side is a path under the root, or <code className="font-mono">&lt;rev&gt;:&lt;path&gt;</code>{" "}
          read from the root&apos;s git repository (path from the root), e.g.{" "}
          <code className="font-mono">HEAD~1:tests/…/recordings/x.json</code>.
        </p>
      </div>
    </form>
  );
}
