import { LosslessNumber } from "lossless-json";

/**
 * Reads a Python literal as `repr()` writes it (`{'query': 'x', 'n': 3, 'ok': True}`): dicts,
 * lists, tuples, strings in either quote, numbers, True, False, None. llama-stack's tool-replay
 * error prints the kwargs this way. Numbers stay `LosslessNumber`s, so hashing them writes the
 * text Python wrote. Returns undefined when the text is not such a literal.
 */
export function parsePythonLiteral(text: string): unknown {
  const reader = new Reader(text);
  try {
    const value = reader.value();
    reader.space();
    return reader.done() ? value : undefined;
  } catch {
    return undefined;
  }
}

const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "0": "\0",
};

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  space(): void {
    while (/\s/.test(this.text[this.at] ?? "")) this.at++;
  }

  private expect(ch: string): void {
    this.space();
    if (this.text[this.at] !== ch) throw new Error(`expected ${ch}`);
    this.at++;
  }

  private items(close: string): unknown[] {
    const out: unknown[] = [];
    this.space();
    while (this.text[this.at] !== close) {
      out.push(this.value());
      this.space();
      if (this.text[this.at] === ",") this.at++;
      else if (this.text[this.at] !== close) throw new Error("expected , or end");
      this.space();
    }
    this.at++;
    return out;
  }

  value(): unknown {
    this.space();
    const ch = this.text[this.at];
    if (ch === "{") {
      this.at++;
      const out: Record<string, unknown> = {};
      this.space();
      while (this.text[this.at] !== "}") {
        const key = this.value();
        this.expect(":");
        const item = this.value();
        out[typeof key === "string" ? key : String(key)] = item;
        this.space();
        if (this.text[this.at] === ",") this.at++;
        else if (this.text[this.at] !== "}") throw new Error("expected , or }");
        this.space();
      }
      this.at++;
      return out;
    }
    if (ch === "[") {
      this.at++;
      return this.items("]");
    }
    if (ch === "(") {
      this.at++;
      return this.items(")");
    }
    if (ch === "'" || ch === '"') return this.string(ch);
    const word = /^(True|False|None)\b/.exec(this.text.slice(this.at, this.at + 6));
    if (word?.[1]) {
      this.at += word[1].length;
      return word[1] === "True" ? true : word[1] === "False" ? false : null;
    }
    const number = /^-?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(this.text.slice(this.at));
    if (number?.[0]) {
      this.at += number[0].length;
      return new LosslessNumber(number[0]);
    }
    throw new Error("not a literal");
  }

  private string(quote: string): string {
    this.at++;
    let out = "";
    while (this.at < this.text.length) {
      const ch = this.text[this.at] ?? "";
      if (ch === quote) {
        this.at++;
        return out;
      }
      if (ch === "\\") {
        const next = this.text[this.at + 1] ?? "";
        if (next === "x" || next === "u" || next === "U") {
          const length = next === "x" ? 2 : next === "u" ? 4 : 8;
          const code = Number.parseInt(this.text.slice(this.at + 2, this.at + 2 + length), 16);
          if (Number.isNaN(code)) throw new Error("bad escape");
          out += String.fromCodePoint(code);
          this.at += 2 + length;
          continue;
        }
        out += ESCAPES[next] ?? `\\${next}`;
        this.at += 2;
        continue;
      }
      out += ch;
      this.at++;
    }
    throw new Error("unterminated string");
  }
}
