import Link from "next/link";
import { listHref } from "@/lib/urls";

export function Pagination({
  page,
  pages,
  filters,
}: {
  page: number;
  pages: number;
  filters: Record<string, string | undefined>;
}) {
  if (pages <= 1) return null;
  const link =
    "rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <nav aria-label="Pages" className="flex items-center justify-center gap-2 text-sm">
      {page > 1 ? (
        <Link className={link} href={listHref({ ...filters, page: page - 1 })} rel="prev">
          ← Previous
        </Link>
      ) : null}
      <span className="text-zinc-600 dark:text-zinc-400">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link className={link} href={listHref({ ...filters, page: page + 1 })} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
