"use client";

import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { Badge } from "@/components/list/badge";
import { filterTests, type TestEntry } from "./test-list";

const testHref = (id: string) => `/tests?id=${encodeURIComponent(id)}`;

/** Tests grouped by file, in the order given. */
function byFile(tests: readonly TestEntry[]): [string, TestEntry[]][] {
  const files = new Map<string, TestEntry[]>();
  for (const test of tests) {
    const list = files.get(test.file) ?? [];
    list.push(test);
    files.set(test.file, list);
  }
  return [...files.entries()];
}

function TestRow({ test }: { test: TestEntry }) {
  const parametrized = test.parametrizations.some((p) => p.params !== null);
  return (
    <li className="space-y-1 px-3 py-2" aria-label={test.base}>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={testHref(test.base)} className="font-mono text-sm font-medium break-all hover:underline">
          {test.name}
        </Link>
        {test.providers.map((provider) => (
          <Badge key={provider} tone="blue">
            {provider}
          </Badge>
        ))}
        <span className="ml-auto text-xs whitespace-nowrap text-zinc-500">
          {test.recordings} recording{test.recordings === 1 ? "" : "s"}
          {parametrized
            ? ` · ${test.parametrizations.length} parametrization${test.parametrizations.length === 1 ? "" : "s"}`
            : ""}
        </span>
      </div>
      {parametrized ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`Parametrizations of ${test.name}`}>
          {test.parametrizations.map((p) => (
            <li key={p.testId}>
              <Link
                href={testHref(p.testId)}
                className="inline-block rounded border border-zinc-200 px-1.5 py-0.5 font-mono text-[11px] break-all text-zinc-700 hover:border-indigo-400 hover:text-indigo-700 dark:border-zinc-700 dark:text-zinc-300 dark:hover:text-indigo-300"
              >
                [{p.params ?? "no parameters"}] · {p.recordings}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Every test, with a box that filters them as one types (file, name, parameters, providers). */
export function TestIndex({ tests, initialQuery }: { tests: TestEntry[]; initialQuery: string }) {
  const [query, setQuery] = useState(initialQuery);
  const deferred = useDeferredValue(query);
  const shown = filterTests(tests, deferred);
  return (
    <div className="space-y-4">
      <form
        role="search"
        action="/tests"
        method="get"
        className="flex flex-wrap items-center gap-3"
        onSubmit={(event) => event.preventDefault()}
      >
        <label className="flex min-w-0 flex-1 items-center gap-2 text-sm">
          <span className="sr-only">Filter tests</span>
          <input
            type="search"
            name="q"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              const url = new URL(window.location.href);
              if (event.target.value) url.searchParams.set("q", event.target.value);
              else url.searchParams.delete("q");
              window.history.replaceState(null, "", url);
            }}
            placeholder="Filter by file, test, parameters or provider"
            className="w-full max-w-xl rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {shown.length === tests.length
            ? `${tests.length.toLocaleString("en-US")} tests`
            : `${shown.length.toLocaleString("en-US")} of ${tests.length.toLocaleString("en-US")} tests`}
        </p>
      </form>
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No test matches “{deferred}”.</p>
      ) : (
        byFile(shown).map(([file, list]) => (
          <section
            key={file}
            aria-label={file}
            className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
          >
            <h2 className="border-b border-zinc-200 px-3 py-2 font-mono text-xs break-all text-zinc-500 dark:border-zinc-800">
              {file || "(no file)"}
            </h2>
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {list.map((test) => (
                <TestRow key={test.base} test={test} />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
