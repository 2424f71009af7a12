import { parse as parseTolerant, printParseErrorCode, type ParseError } from "jsonc-parser";
import { envelopeSchema } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { joinPath, SchemaMismatch } from "@/lib/providers/decoder";
import { genericDecoder } from "@/lib/providers/generic";
import { DECODERS } from "@/lib/providers/registry";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "@/lib/sources/json-depth";

export const FAILURE_KINDS = [
  "missing",
  "unreadable",
  "too-large",
  "invalid-encoding",
  "too-deep",
  "empty",
  "invalid-json",
  "not-a-recording",
  "schema-mismatch",
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export type Decoded =
  | { ok: true; exchange: Exchange; raw: unknown }
  | {
      ok: false;
      kind: FailureKind;
      reason: string;
      /** The parsed JSON when the file was valid JSON. */
      raw: unknown;
    };

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Describes why `text` is not valid JSON, with line and column. */
function describeInvalidJson(text: string, error: unknown): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first) {
    const { line, column } = lineColumn(text, first.offset);
    return `invalid JSON at line ${line}, column ${column}: ${printParseErrorCode(first.error)}`;
  }
  return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
}

/** Decodes the text of a recording file. Never throws. */
export function decodeText(text: string): Decoded {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, kind: "empty", reason: "the file is empty", raw: undefined };
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      kind: "too-deep",
      reason: `the JSON nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; it is not parsed`,
      raw: undefined,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return { ok: false, kind: "invalid-json", reason: describeInvalidJson(body, error), raw: undefined };
  }
  return decodeValue(raw);
}

/** Decodes an already parsed recording. Never throws. */
export function decodeValue(raw: unknown): Decoded {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    const where = issue ? joinPath("", issue.path) || "(root)" : "(root)";
    return {
      ok: false,
      kind: "not-a-recording",
      reason: `valid JSON but not a recording: ${where}: ${issue?.message ?? "unexpected shape"} (a recording has "request" and "response" objects)`,
      raw,
    };
  }
  try {
    for (const decoder of DECODERS) {
      if (decoder.claims(envelope.data)) return { ok: true, exchange: decoder.decode(envelope.data), raw };
    }
    return { ok: true, exchange: genericDecoder.decode(envelope.data), raw };
  } catch (error) {
    if (error instanceof SchemaMismatch) {
      return { ok: false, kind: "schema-mismatch", reason: `schema mismatch at ${error.message}`, raw };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: "schema-mismatch", reason: `could not decode: ${message}`, raw };
  }
}
