"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

export interface FilterOption {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

/**
 * The list's filters as a plain GET form (works without JavaScript); with it, a change applies at
 * once and `/` focuses the search box.
 */
export function FilterBar({ q, filters, sort }: { q: string; filters: FilterOption[]; sort: FilterOption }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement;
      if (event.key === "/" && !typing && !event.metaKey && !event.ctrlKey) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function apply() {
    if (!form.current) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) {
      if (typeof value === "string" && value !== "") params.set(key, value);
    }
    const query = params.toString();
    router.push(query ? `/recordings?${query}` : "/recordings");
  }

  const selectClass =
    "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <form
      ref={form}
      role="search"
      action="/recordings"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      className="flex flex-wrap items-end gap-2"
    >
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        Search
        <input
          ref={search}
          type="search"
          name="q"
          defaultValue={q}
          placeholder="Test id, model, prompt, reply…  (press / to focus)"
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
      </label>
      {[...filters, sort].map((filter) => (
        <label key={filter.name} className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          {filter.label}
          <select name={filter.name} defaultValue={filter.value} onChange={apply} className={selectClass}>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-500"
      >
        Apply
      </button>
    </form>
  );
}
