/** Why there is no review to show: the root outside git, git turned off, a bad revision. */
export function ReviewMessage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div
      role="alert"
      className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm dark:border-amber-800 dark:bg-amber-950/60"
    >
      <p className="font-semibold">{title}</p>
      <div className="text-zinc-700 dark:text-zinc-300">{children}</div>
    </div>
  );
}
