"use client";

import { useState } from "react";

interface RawJsonRestProps {
  /** Loads the whole text (a server action bound to the recording). */
  load: () => Promise<string | null>;
  totalLines: string;
}

/** The whole file as plain text, loaded only when asked for; and a copy button that loads it too. */
export function RawJsonRest({ load, totalLines }: RawJsonRestProps) {
  const [state, setState] = useState<
    { status: "closed" | "loading" | "failed" } | { status: "open"; text: string }
  >({
    status: "closed",
  });
  async function show() {
    setState({ status: "loading" });
    const text = await load().catch(() => null);
    setState(text === null ? { status: "failed" } : { status: "open", text });
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {state.status !== "open" && (
          <button
            type="button"
            onClick={show}
            disabled={state.status === "loading"}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            {state.status === "loading" ? "Loading…" : `Show all ${totalLines} lines (plain text)`}
          </button>
        )}
        {state.status === "open" && (
          <button
            type="button"
            onClick={() => setState({ status: "closed" })}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            Hide the whole file
          </button>
        )}
        {state.status === "failed" && (
          <span className="text-sm text-red-700 dark:text-red-300">Could not load the file.</span>
        )}
      </div>
      {state.status === "open" && (
        <pre
          aria-label="Raw JSON, whole file"
          className="max-h-[80vh] overflow-auto rounded-lg border border-zinc-200 bg-white p-3 font-mono text-[13px] leading-5 dark:border-zinc-800 dark:bg-zinc-900"
        >
          {state.text}
        </pre>
      )}
    </div>
  );
}
