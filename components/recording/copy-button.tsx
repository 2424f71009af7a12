"use client";

import { useState } from "react";

interface CopyButtonProps {
  /** The accessible name, e.g. "Copy request body". */
  label: string;
  /** The text to copy, or… */
  text?: string;
  /** …the id of an element whose text to copy (keeps big texts out of the props)… */
  targetId?: string;
  /** …or a loader (a server action) for a text too big to put in the page. */
  load?: () => Promise<string | null>;
  children?: React.ReactNode;
}

/** Copies a text to the clipboard and says so for a moment. */
export function CopyButton({ label, text, targetId, load, children }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      const value =
        text ??
        (targetId ? document.getElementById(targetId)?.textContent : null) ??
        (load ? await load() : null);
      if (value === null || value === undefined) throw new Error("nothing to copy");
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 1500);
  }
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={copy}
      className="inline-flex items-center gap-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
    >
      <svg
        aria-hidden
        viewBox="0 0 16 16"
        className="h-3.5 w-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
      >
        <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
        <path d="M10.5 5.5V3.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h2" />
      </svg>
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : (children ?? "Copy")}
      <span className="sr-only" aria-live="polite">
        {state === "copied" ? "Copied to the clipboard" : ""}
      </span>
    </button>
  );
}
