const INPUT =
  "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** The two revisions to review; a plain GET form, so it works without JavaScript. */
export function ReviewForm({ base, head }: { base: string; head: string }) {
  return (
    <form
      action="/review"
      method="get"
      aria-label="Revisions to review"
      className="flex flex-wrap items-end gap-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <label className="min-w-48 flex-1 space-y-1">
        <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Base</span>
        <input
          name="base"
          defaultValue={base}
          required
          placeholder="origin/main"
          spellCheck={false}
          className={INPUT}
        />
      </label>
      <label className="min-w-48 flex-1 space-y-1">
        <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Head</span>
        <input
          name="head"
          defaultValue={head}
          placeholder="empty: the working tree"
          spellCheck={false}
          className={INPUT}
        />
      </label>
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
      >
        Review
      </button>
    </form>
  );
}
