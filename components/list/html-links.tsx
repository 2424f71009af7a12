"use client";

import { useRouter } from "next/navigation";
import { appPath } from "./app-path";

/**
 * HTML written on the server (escaped there: `recording-rows-html.ts`), whose links navigate
 * inside the app as `next/link` would: a plain click is a client navigation, a click with a
 * modifier key or another button is left to the browser (new tab, new window).
 */
export function HtmlLinks({ html, className }: { html: string; className?: string }) {
  const router = useRouter();
  return (
    <div
      className={className}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
        if (!(anchor instanceof HTMLAnchorElement) || (anchor.target !== "" && anchor.target !== "_self"))
          return;
        const path = appPath(new URL(anchor.href), window.location.origin);
        if (path === null) return;
        event.preventDefault();
        router.push(path);
      }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
