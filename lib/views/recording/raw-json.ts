/** Pretty-printed JSON up to this many characters is highlighted whole. */
export const HIGHLIGHT_LIMIT = 100 * 1024;
/** Of a longer text, about this many characters are highlighted (the rest is loaded on demand). */
export const HIGHLIGHT_HEAD = 32 * 1024;

/**
 * The text of the Raw JSON view: the file as written when it is already laid out on lines
 * (recordings usually are), otherwise the parsed value pretty-printed.
 */
export function rawJsonText(text: string | null, raw: unknown): string {
  const body = text !== null && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body !== null && body.trimEnd().includes("\n")) return body.trimEnd();
  try {
    return JSON.stringify(raw, null, 2) ?? body ?? "";
  } catch {
    return body ?? "";
  }
}

export interface HighlightSplit {
  /** The part to highlight: everything, or whole lines up to the limit. */
  head: string;
  complete: boolean;
  totalLines: number;
  headLines: number;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/**
 * A text up to `limit` characters is highlighted whole; a longer one is cut after the last line
 * that ends within `head` characters (or at `head` when the first line is longer).
 */
export function splitForHighlight(
  text: string,
  limit = HIGHLIGHT_LIMIT,
  headSize = HIGHLIGHT_HEAD,
): HighlightSplit {
  const totalLines = countLines(text);
  if (text.length <= limit) return { head: text, complete: true, totalLines, headLines: totalLines };
  const lineEnd = text.lastIndexOf("\n", headSize);
  const head = lineEnd > 0 ? text.slice(0, lineEnd) : text.slice(0, headSize);
  return { head, complete: false, totalLines, headLines: countLines(head) };
}
