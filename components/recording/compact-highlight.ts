import tokens from "./highlight-tokens.module.css";

/** A token's colors as shiki writes them inline: the light color and the dark one. */
const TOKEN_STYLE = /<span style="color:(#[0-9A-F]{6});--shiki-dark:(#[0-9A-F]{6})">/g;
/** A line's wrapper (its closing tag is the one right before the newline or the end). */
const LINE = /<span class="line">(.*?)<\/span>(?=\n|<\/code>)/g;

/** The class of each color pair (light, dark) of the github themes (see highlight-tokens.module.css). */
const TOKEN_CLASSES: ReadonlyMap<string, string | undefined> = new Map([
  ["#22863A #85E89D", tokens.tag],
  ["#032F62 #9ECBFF", tokens.string],
  ["#005CC5 #79B8FF", tokens.constant],
  ["#D73A49 #F97583", tokens.keyword],
  ["#6F42C1 #B392F0", tokens.entity],
  ["#6A737D #6A737D", tokens.comment],
]);

/**
 * shiki's highlighted HTML with each token's inline colors (`style="color:#22863A;--shiki-dark:…"`,
 * some fifty characters on every token) replaced by a class of the same colors, and without the
 * `<span class="line">` around each line (nothing styles it; the newlines break the lines). A long
 * file's highlighted head is sent twice (in the HTML and in React's payload), so this halves what
 * the raw view weighs; what it shows, in either theme, is the same. A pair with no class stays inline.
 */
export function compactHighlight(html: string): string {
  return html.replace(LINE, "$1").replace(TOKEN_STYLE, (match, light: string, dark: string) => {
    const name = TOKEN_CLASSES.get(`${light} ${dark}`);
    return name ? `<span class="${name}">` : match;
  });
}
