import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { createHighlighter, type Highlighter, type ShikiTransformer } from "shiki";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

export type CodeLanguage = "json" | "yaml" | "text";

/** Lines longer than this are shown as plain text inside the highlighted block (tokenizing them is slow). */
const MAX_TOKENIZED_LINE = 10_000;

declare global {
  // One highlighter and one cache per server process (kept across dev reloads).
  var __tapedeckHighlighter: Promise<Highlighter> | undefined;
  var __tapedeckHighlightCache: LRUCache<string, string> | undefined;
}

function highlighter(): Promise<Highlighter> {
  globalThis.__tapedeckHighlighter ??= createHighlighter({
    themes: ["github-light", "github-dark"],
    langs: ["json", "yaml"],
    // The JavaScript engine starts at once and is faster than Oniguruma on JSON.
    engine: createJavaScriptRegexEngine(),
  }).catch((error: unknown) => {
    globalThis.__tapedeckHighlighter = undefined;
    throw error;
  });
  return globalThis.__tapedeckHighlighter;
}

function cache(): LRUCache<string, string> {
  globalThis.__tapedeckHighlightCache ??= new LRUCache<string, string>({
    max: 500,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (html) => Math.max(1, html.length),
  });
  return globalThis.__tapedeckHighlightCache;
}

function cacheKey(language: CodeLanguage, code: string): string {
  return createHash("sha256").update(language).update("\0").update(code).digest("hex");
}

/**
 * Unwraps tokens drawn in the default colors (punctuation, most of JSON): the `<pre>` already has
 * those colors, and dropping the spans halves the markup a long file sends and the browser builds.
 */
function plainTokens(highlighter: Highlighter): ShikiTransformer {
  const light = highlighter.getTheme("github-light").fg;
  const dark = highlighter.getTheme("github-dark").fg;
  const plain = `color:${light};--shiki-dark:${dark}`.toLowerCase();
  return {
    name: "tapedeck:plain-tokens",
    line(line) {
      line.children = line.children.flatMap((token) =>
        token.type === "element" && String(token.properties.style ?? "").toLowerCase() === plain
          ? token.children
          : [token],
      );
    },
  };
}

/**
 * Highlights `code` on the server with light and dark themes (CSS switches to `--shiki-dark`)
 * and caches the HTML. The result is shiki's escaped `<pre>` markup, safe to inject.
 */
export async function highlightCode(code: string, language: CodeLanguage = "json"): Promise<string> {
  const key = cacheKey(language, code);
  const cached = cache().get(key);
  if (cached !== undefined) return cached;
  const shiki = await highlighter();
  const html = shiki.codeToHtml(code, {
    lang: language,
    themes: { light: "github-light", dark: "github-dark" },
    defaultColor: "light",
    tokenizeMaxLineLength: MAX_TOKENIZED_LINE,
    transformers: [plainTokens(shiki)],
  });
  cache().set(key, html);
  return html;
}
