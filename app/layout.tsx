import type { Metadata } from "next";
import { cookies } from "next/headers";
import { SiteHeader } from "@/components/layout/site-header";
import { getIndex } from "@/lib/index/server-index";
import { parseTheme, THEME_COOKIE } from "@/lib/views/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tapedeck", template: "%s · Tapedeck" },
  description: "Browse, search and diff recorded LLM API traffic.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const index = await getIndex();
  return (
    <html lang="en" className={theme === "system" ? undefined : theme}>
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <SiteHeader theme={theme} root={index.root} />
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
