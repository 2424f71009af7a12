/**
 * A small YAML writer for the sample cassettes: each recorder's YAML library has its own look
 * (indent, sequence indent, quote style, how bytes are tagged), and the samples should look like
 * the recorder wrote them. Only what cassettes hold is supported: maps, lists, strings, numbers,
 * booleans, null and byte strings.
 */

export interface YamlStyle {
  /** Spaces per nesting level. */
  indent: number;
  /** `- ` items indented under their key (go-yaml) or at the key's column (PyYAML, Psych). */
  indentSequences: boolean;
  /** The quote for strings that cannot be plain (numbers, `*` first, `<TOKEN>`), unless `doubleQuote` says. */
  quote: "'" | '"';
  /** How bytes are written: PyYAML `!!binary |` wrapped at 76, Psych `!binary |-` on one line. */
  binary: "pyyaml" | "psych";
  /** Sort mapping keys (PyYAML's default) or keep them in insertion order. */
  sortKeys: boolean;
  /**
   * go-yaml v3 nests the values of a list item's keys from the dash's column, not the keys'
   * (`    - id: 0` / `      request:` / `        proto: ...`).
   */
  nestFromDash: boolean;
  /** Strings that take double quotes even where `quote` is single (Psych: `"<CF_RAY>"`). */
  doubleQuote: RegExp | null;
}

export const PYYAML: YamlStyle = {
  indent: 2,
  indentSequences: false,
  quote: "'",
  binary: "pyyaml",
  sortKeys: true,
  nestFromDash: false,
  doubleQuote: null,
};
export const GO_YAML: YamlStyle = {
  indent: 4,
  indentSequences: true,
  quote: "'",
  binary: "pyyaml",
  sortKeys: false,
  nestFromDash: true,
  // go-yaml double-quotes what would otherwise read as a number or a date (`"187"`, `"2023-06-01"`).
  doubleQuote: /^[-+.\d]/,
};
export const PSYCH: YamlStyle = {
  indent: 2,
  indentSequences: false,
  quote: "'",
  binary: "psych",
  sortKeys: false,
  nestFromDash: false,
  doubleQuote: /^[*<]/,
};

/** A string always written double-quoted with escapes (PyYAML does so for text with `\r`). */
export class DoubleQuoted {
  constructor(readonly text: string) {}
}

export type YamlValue =
  string | number | boolean | null | Uint8Array | DoubleQuoted | YamlValue[] | { [key: string]: YamlValue };

/** Strings YAML 1.1 or 1.2 would read as something else when plain: null, booleans, numbers, dates. */
const RESERVED =
  /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.inf|\.nan|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$/i;

/** Characters a plain scalar may not start with (YAML indicators), or `<` (Psych quotes it). */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`<\s]/;

function isPlain(text: string): boolean {
  if (text === "" || text !== text.trim() || RESERVED.test(text)) return false;
  if (INDICATOR_FIRST.test(text) || /[\x00-\x1f\x7f]/.test(text)) return false;
  // `: ` starts a mapping value and ` #` a comment; a colon inside a URL or a time is fine.
  return !/: |:$| #/.test(text);
}

function doubleQuoted(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += char;
  }
  return `${out}"`;
}

function quoted(text: string, style: YamlStyle): string {
  if (style.quote === "'" && !style.doubleQuote?.test(text) && !/[\n\r\t\x00-\x1f\x7f]/.test(text))
    return `'${text.replace(/'/g, "''")}'`;
  return doubleQuoted(text);
}

/** Multi-line text as a literal block, when YAML can hold it that way. */
function literalBlock(text: string, indent: string): string | null {
  if (!text.includes("\n") || /[\r\x00-\x08\x0b-\x1f\x7f]/.test(text)) return null;
  // A first line that starts with a space would need an indentation indicator.
  if (text.startsWith(" ") || text.startsWith("\n")) return null;
  const trailing = /\n*$/.exec(text)?.[0].length ?? 0;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const body = trailing === 0 ? text : text.slice(0, text.length - 1);
  const lines = body.split("\n").map((line) => (line === "" ? "" : `${indent}${line}`));
  return `|${chomp}\n${lines.join("\n")}`;
}

function binary(bytes: Uint8Array, indent: string, style: YamlStyle): string {
  const base64 = Buffer.from(bytes).toString("base64");
  if (style.binary === "psych") return `!binary |-\n${indent}${base64}`;
  const lines = base64.match(/.{1,76}/g) ?? [""];
  return `!!binary |\n${lines.map((line) => `${indent}${line}`).join("\n")}`;
}

function scalar(value: YamlValue, indent: string, style: YamlStyle): string | null {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  if (value instanceof DoubleQuoted) return doubleQuoted(value.text);
  if (value instanceof Uint8Array) return binary(value, indent, style);
  if (typeof value === "string") {
    if (isPlain(value)) return value;
    return literalBlock(value, indent) ?? quoted(value, style);
  }
  return null;
}

function isCollection(value: YamlValue): value is YamlValue[] | { [key: string]: YamlValue } {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    !(value instanceof DoubleQuoted)
  );
}

function keyText(key: string, style: YamlStyle): string {
  return isPlain(key) ? key : quoted(key, style);
}

function entries(map: { [key: string]: YamlValue }, style: YamlStyle): [string, YamlValue][] {
  const list = Object.entries(map);
  return style.sortKeys ? list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : list;
}

function nonEmpty(value: YamlValue): value is YamlValue[] | { [key: string]: YamlValue } {
  return isCollection(value) && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

/**
 * Lines of `value` with its keys or dashes at `column`; what nests under a key is indented from
 * `base` (the column itself, except for go-yaml's list items).
 */
function block(
  value: YamlValue[] | { [key: string]: YamlValue },
  column: number,
  style: YamlStyle,
  base = column,
): string[] {
  const pad = " ".repeat(column);
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (nonEmpty(item)) {
        // The item's first line goes after the dash; the rest keep the column after `- `.
        const inner = block(item, column + 2, style, style.nestFromDash ? column : column + 2);
        lines.push(`${pad}- ${(inner[0] ?? "").slice(column + 2)}`, ...inner.slice(1));
      } else {
        lines.push(`${pad}- ${inline(item, column + style.indent, style)}`);
      }
    }
    return lines;
  }
  for (const [key, item] of entries(value, style)) {
    const name = `${pad}${keyText(key, style)}:`;
    if (nonEmpty(item)) {
      lines.push(name);
      const nested = Array.isArray(item) && !style.indentSequences ? base : base + style.indent;
      lines.push(...block(item, nested, style));
    } else {
      lines.push(`${name} ${inline(item, base + style.indent, style)}`);
    }
  }
  return lines;
}

/** A scalar or an empty collection, on the line of its key or dash. */
function inline(value: YamlValue, column: number, style: YamlStyle): string {
  if (Array.isArray(value)) return "[]";
  if (isCollection(value)) return "{}";
  return scalar(value, " ".repeat(column), style) ?? "null";
}

/** The document, ending in a newline; `header` writes the `---` line Psych and go-vcr start with. */
export function writeYaml(document: { [key: string]: YamlValue }, style: YamlStyle, header = false): string {
  return `${header ? "---\n" : ""}${block(document, 0, style).join("\n")}\n`;
}
