import Link from "next/link";
import type { Theme } from "@/lib/views/theme";
import { ThemeToggle } from "./theme-toggle";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/recordings", label: "Recordings" },
  { href: "/tests", label: "Tests" },
  { href: "/match", label: "Match" },
  { href: "/review", label: "Review" },
];

export function SiteHeader({ theme, root }: { theme: Theme; root: string }) {
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2 sm:gap-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="rounded bg-indigo-600 px-1.5 py-0.5 font-mono text-xs text-white">
            ▶▮▮
          </span>
          Tapedeck
        </Link>
        <nav aria-label="Main" className="flex min-w-0 gap-1 overflow-x-auto text-sm">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <span
          className="ml-auto hidden min-w-0 truncate font-mono text-xs text-zinc-500 md:inline"
          title={root}
        >
          {root}
        </span>
        <ThemeToggle initial={theme} />
      </div>
    </header>
  );
}
