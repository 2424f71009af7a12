/**
 * Escaping for recorded text inside a GitHub comment: nothing in a recording may become HTML,
 * markdown structure, a mention or an issue reference.
 */

/** HTML entities for `&`, `<`, `>`, `"`: safe inside HTML blocks (`<summary>`, `<code>`). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Markdown text from anywhere in a line: `&`, `<`, `>` as entities (no HTML), inline markers
 * backslash-escaped, mentions and issue references broken with a zero-width space.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/@(?=\w)/g, "@\u200b")
    .replace(/#(?=\d)/g, "#\u200b");
}

/**
 * Defuses what would start a block at the start of each line of escaped text (heading, list,
 * setext underline, code block): the marker is backslash-escaped, leading spaces become `&nbsp;`.
 */
export function defuseLineStarts(text: string): string {
  return text
    .replace(
      /^([ \t]*)(?:([#+\-=])|(\d+)([.)]))/gm,
      (_all, spaces: string, marker?: string, digits?: string, dot?: string) =>
        marker ? `${spaces}\\${marker}` : `${spaces}${digits ?? ""}\\${dot ?? ""}`,
    )
    .replace(/^[ \t]+/gm, (spaces) => "&nbsp;".repeat(spaces.replace(/\t/g, "  ").length));
}

/** Markdown text that is safe on its own lines: see `escapeInline` and `defuseLineStarts`. */
export function escapeMarkdown(text: string): string {
  return defuseLineStarts(escapeInline(text));
}

/** One line of text for a table cell or a list item: newlines folded, escaped. */
export function escapeLine(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
}

/** A code span that no backtick in `text` can close; `|` escaped for tables. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat.replace(/\|/g, "\\|")}${pad}${fence}`;
}

/** Text as a blockquote, line breaks kept, every line escaped. */
export function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() === "" ? ">" : `> ${escapeMarkdown(line)}`))
    .join("\n");
}
