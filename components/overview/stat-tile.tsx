import Link from "next/link";

export function StatTile({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link
      href={href}
      className="rounded-lg border border-zinc-200 bg-white p-4 hover:border-indigo-400 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-indigo-500"
    >
      <div className="text-2xl font-semibold tabular-nums">{value.toLocaleString("en-US")}</div>
      <div className="text-sm text-zinc-600 dark:text-zinc-400">{label}</div>
    </Link>
  );
}
