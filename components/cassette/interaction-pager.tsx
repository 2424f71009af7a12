import Link from "next/link";
import { recordingHref } from "@/lib/urls";

/** Pages of a long cassette's interactions. */
export function InteractionPager({
  relPath,
  page,
  pages,
  perPage,
  total,
}: {
  relPath: string;
  page: number;
  pages: number;
  perPage: number;
  total: number;
}) {
  if (pages <= 1) return null;
  const first = (page - 1) * perPage;
  const last = Math.min(total, page * perPage) - 1;
  const link = (to: number, label: string) =>
    to < 1 || to > pages ? (
      <span className="text-zinc-400">{label}</span>
    ) : (
      <Link
        href={recordingHref(relPath, { page: to })}
        className="text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {label}
      </Link>
    );
  return (
    <nav aria-label="Pages of interactions" className="flex flex-wrap items-center gap-3 text-sm">
      {link(1, "« First")}
      {link(page - 1, "‹ Previous")}
      <span>
        Interactions {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of{" "}
        {total.toLocaleString("en-US")} (page {page} of {pages})
      </span>
      {link(page + 1, "Next ›")}
      {link(pages, "Last »")}
    </nav>
  );
}
