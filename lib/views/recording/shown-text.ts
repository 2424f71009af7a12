/**
 * The most of one text a page carries. A reply or body longer than this (a hostile cassette's
 * 30 MB SSE line) is shown up to here, with a note; the whole text stays in the raw view, which
 * loads it on demand. Every copy the page makes (the message, its markdown, the page data) is cut.
 */
export const MAX_SHOWN_TEXT = 100_000;

/** `text`, or its first `MAX_SHOWN_TEXT` characters and a note of how many more there are. */
export function shownText(text: string, max = MAX_SHOWN_TEXT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n\n… ${(text.length - max).toLocaleString("en-US")} more characters (the raw view has the whole text)`;
}

/** One chunk's piece as its timeline row shows it: rows are one line, so a long piece is cut. */
export function rowText(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
