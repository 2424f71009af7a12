import Markdown, { type Components } from "react-markdown";
import { rehypeSourceSpans } from "@/lib/views/recording/source-spans";

/**
 * Links open in a new tab; a link whose URL the default `urlTransform` emptied (`javascript:`,
 * `data:` and other unsafe schemes) is shown as plain text. Images are not loaded: they become
 * links, so a reply cannot make the viewer fetch anything.
 */
const COMPONENTS: Components = {
  a({ href, children }) {
    if (!href) return <span className="text-zinc-500 underline decoration-dotted">{children}</span>;
    return (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  },
  img({ src, alt }) {
    const label = `[image${alt ? `: ${alt}` : ""}]`;
    if (typeof src !== "string" || !src) return <span className="text-zinc-500">{label}</span>;
    return (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow">
        {label}
      </a>
    );
  },
};

const PROSE = [
  "break-words text-sm leading-6",
  "[&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_h1]:mt-4 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold",
  "[&_a]:text-indigo-700 [&_a]:underline dark:[&_a]:text-indigo-300",
  "[&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em] dark:[&_code]:bg-zinc-800",
  "[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-zinc-100 [&_pre]:p-3 dark:[&_pre]:bg-zinc-800/70",
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-zinc-300 [&_blockquote]:pl-3 [&_blockquote]:text-zinc-600 dark:[&_blockquote]:border-zinc-700 dark:[&_blockquote]:text-zinc-400",
  "[&_table]:my-2 [&_table]:border-collapse [&_td]:border [&_td]:border-zinc-300 [&_td]:px-2 [&_th]:border [&_th]:border-zinc-300 [&_th]:px-2 dark:[&_td]:border-zinc-700 dark:[&_th]:border-zinc-700",
  "[&>*:first-child]:mt-0 [&>*:last-child]:mb-0",
].join(" ");

/**
 * Markdown rendered safely: no raw HTML (it shows as text), default URL sanitizing. Each text is
 * tagged with its source offsets so a selection can be traced back to the chunks that made it.
 */
export function MarkdownText({ source }: { source: string }) {
  return (
    <div className={PROSE}>
      <Markdown rehypePlugins={[[rehypeSourceSpans, { source }]]} components={COMPONENTS}>
        {source}
      </Markdown>
    </div>
  );
}
