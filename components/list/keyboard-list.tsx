"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { appPath } from "./app-path";

/**
 * Keyboard navigation over the links marked `data-row` inside it: `j` and `k` move, `Enter` opens.
 */
export function KeyboardList({ children }: { children: React.ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const router = useRouter();

  useEffect(() => {
    const rows = () => [...(container.current?.querySelectorAll<HTMLAnchorElement>("a[data-row]") ?? [])];
    function onKey(event: KeyboardEvent) {
      const target = event.target;
      if (
        target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement ||
        target instanceof HTMLTextAreaElement
      ) {
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const all = rows();
      if (all.length === 0) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        setActive((current) => {
          const next = event.key === "j" ? Math.min(all.length - 1, current + 1) : Math.max(0, current - 1);
          all[next]?.focus();
          return next;
        });
      } else if (event.key === "Enter" && active >= 0 && document.activeElement !== all[active]) {
        const row = all[active];
        const path = row ? appPath(new URL(row.href), window.location.origin) : null;
        if (path) router.push(path);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active, router]);

  useEffect(() => {
    const all = container.current?.querySelectorAll<HTMLAnchorElement>("a[data-row]") ?? [];
    all.forEach((row, i) => row.toggleAttribute("data-active", i === active));
  }, [active]);

  return <div ref={container}>{children}</div>;
}
