import Link from "next/link";

/** A link that shows or hides the noise; the state lives in the URL (`noise=1`). */
export function NoiseToggle({ shown, count, href }: { shown: boolean; count: number; href: string }) {
  if (count === 0 && !shown) return <span className="text-xs text-zinc-500">no noise</span>;
  return (
    <Link
      href={href}
      scroll={false}
      className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <span
        aria-hidden
        className={`inline-block h-3 w-3 rounded-sm border ${shown ? "border-indigo-600 bg-indigo-600" : "border-zinc-400"}`}
      />
      {shown ? `Hide noise (${count})` : `Show noise (${count})`}
    </Link>
  );
}
