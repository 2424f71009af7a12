import { parseBoundedJson } from "@/lib/model/json-depth";
import { SchemaMismatch } from "./decoder";

/**
 * Newline-delimited JSON kept as one text body, as HTTP cassettes store streams of
 * `application/x-ndjson` (Ollama) and `application/stream+json` (Cohere v1): one JSON value a line.
 */
export interface NdjsonLine {
  value: unknown;
  /** Where the line is in the file: `response.body (line 3)`, lines counted from 1. */
  at: string;
}

/** The values of the non-blank lines of `text` (found at `path`); a line that is not JSON throws `SchemaMismatch`. */
export function ndjsonLines(text: string, path: string): NdjsonLine[] {
  const out: NdjsonLine[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? "";
    if (line === "") continue;
    const at = `${path} (line ${i + 1})`;
    try {
      out.push({ value: parseBoundedJson(line), at });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new SchemaMismatch(at, `this line is not valid JSON (${detail})`);
    }
  }
  return out;
}

/** The first line's value when it is JSON, else undefined: what a claim looks at. */
export function firstNdjsonValue(text: string): unknown {
  const start = text.search(/\S/);
  if (start === -1) return undefined;
  const end = text.indexOf("\n", start);
  try {
    return JSON.parse(end === -1 ? text.slice(start) : text.slice(start, end));
  } catch {
    return undefined;
  }
}
