import Markdown, { type Components } from "react-markdown";
import { rehypeSourceSpans } from "@/lib/views/recording/source-spans";
import styles from "./markdown-text.module.css";

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

/**
 * Markdown rendered safely: no raw HTML (it shows as text), default URL sanitizing. Each text is
 * tagged with its source offsets so a selection can be traced back to the chunks that made it.
 */
export function MarkdownText({ source }: { source: string }) {
  return (
    <div className={styles.prose}>
      <Markdown rehypePlugins={[[rehypeSourceSpans, { source }]]} components={COMPONENTS}>
        {source}
      </Markdown>
    </div>
  );
}
