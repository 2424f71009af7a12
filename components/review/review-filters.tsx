"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef } from "react";

export interface ReviewFilterSelect {
  name: "verdict" | "suite" | "group";
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

const SELECT =
  "max-w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm sm:max-w-80 dark:border-zinc-700 dark:bg-zinc-900";

/**
 * Filters by verdict, suite and group as a plain GET form (the URL reproduces the view); with
 * JavaScript a change applies at once.
 */
export function ReviewFilters({
  base,
  head,
  selects,
  clearHref,
}: {
  base: string;
  head: string | null;
  selects: ReviewFilterSelect[];
  clearHref: string;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);

  function apply() {
    if (!form.current) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) {
      if (typeof value === "string" && value !== "") params.set(key, value);
    }
    router.push(`/review?${params.toString()}`, { scroll: false });
  }

  return (
    <form
      ref={form}
      role="search"
      aria-label="Filter changes"
      action="/review"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      className="flex flex-wrap items-end gap-2"
    >
      <input type="hidden" name="base" value={base} />
      {head !== null && <input type="hidden" name="head" value={head} />}
      {selects.map((select) => (
        <label
          key={select.name}
          className="flex min-w-0 flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400"
        >
          {select.label}
          {/* Keyed by its value: a link that changes the filter (a group, a verdict tile) resets it. */}
          <select
            key={select.value}
            name={select.name}
            defaultValue={select.value}
            onChange={apply}
            className={SELECT}
          >
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <noscript>
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1 text-sm text-white">
          Apply
        </button>
      </noscript>
      {selects.some((select) => select.value !== "") && (
        <Link href={clearHref} className="pb-1 text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Clear filters
        </Link>
      )}
    </form>
  );
}
