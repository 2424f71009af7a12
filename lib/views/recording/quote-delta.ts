/** A piece of a quoted delta: ordinary text, a visible space, or an escape such as `\n`. */
export interface QuotedPiece {
  kind: "text" | "space" | "escape";
  text: string;
}

const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\" };

// Control characters and spaces that do not look like one (NBSP, thin, zero-width, separators, BOM).
const INVISIBLE =
  /^[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]$/;

function escapeOf(char: string): string | null {
  const known = ESCAPES[char];
  if (known) return known;
  if (!INVISIBLE.test(char)) return null;
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;
}

/**
 * A delta as a quoted string with its whitespace made visible: spaces become `·`, line breaks,
 * tabs, quotes and invisible characters their escapes. The quotes themselves are not included.
 */
export function quoteDelta(text: string): QuotedPiece[] {
  const pieces: QuotedPiece[] = [];
  const push = (kind: QuotedPiece["kind"], piece: string) => {
    const last = pieces[pieces.length - 1];
    if (last && last.kind === kind) last.text += piece;
    else pieces.push({ kind, text: piece });
  };
  for (const char of text) {
    if (char === " ") {
      push("space", "·");
      continue;
    }
    const escape = escapeOf(char);
    if (escape) push("escape", escape);
    else push("text", char);
  }
  return pieces;
}
