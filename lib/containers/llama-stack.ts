import { parse as parseTolerant, printParseErrorCode, type ParseError } from "jsonc-parser";
import { envelopeSchema } from "@/lib/model/envelope";
import { isEnvelope } from "@/lib/model/envelope-guard";
import type { ReadLimits } from "@/lib/model/limits";
import { joinZodPath } from "@/lib/model/json-path";
import { nestsDeeperThan, valueDeeperThan } from "@/lib/model/json-depth";
import { ContainerError, type Container, type OpenedContainer } from "./container";

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
export function describeInvalidJson(text: string, error: unknown): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first) {
    const { line, column } = lineColumn(text, first.offset);
    return `invalid JSON at line ${line}, column ${column}: ${printParseErrorCode(first.error)}`;
  }
  return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
}

/** Parses JSON text within the depth bound, or throws `ContainerError` with line and column. */
export function parseJsonFile(text: string, limits: ReadLimits): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The error finder recurses as it parses: too deep a text is refused before it looks.
    if (nestsDeeperThan(text, limits.maxDepth)) throw tooDeep(limits);
    throw new ContainerError(describeInvalidJson(text, error), "invalid-json");
  }
  if (valueDeeperThan(value, limits.maxDepth)) throw tooDeep(limits);
  return value;
}

function tooDeep(limits: ReadLimits): ContainerError {
  return new ContainerError(
    `the JSON nests arrays and objects more than ${limits.maxDepth} levels deep; it is not parsed`,
    "too-deep",
  );
}

/** Opens an already parsed llama-stack recording: one call, the envelope as it is on disk. */
export function openLlamaStackValue(raw: unknown): OpenedContainer {
  if (!isEnvelope(raw)) {
    // The schema states the same shape: its first issue says what the file lacks.
    const issue = envelopeSchema.safeParse(raw).error?.issues[0];
    const where = issue ? joinZodPath("", issue.path) || "(root)" : "(root)";
    throw new ContainerError(
      `valid JSON but not a recording: ${where}: ${issue?.message ?? "unexpected shape"} (a recording has "request" and "response" objects)`,
      "not-a-recording",
    );
  }
  return {
    format: "llama-stack",
    test: raw.test_id ?? null,
    calls: [{ envelope: raw, http: null, problem: null, raw }],
    notes: [],
  };
}

/**
 * llama-stack's recorder: one JSON envelope `{test_id?, request, response}` a file. It also
 * takes any JSON that is not another recorder's, so a JSON file that is not a recording gets
 * the reason why (invalid JSON with line and column, or the shape it lacks).
 */
export const llamaStackContainer: Container = {
  format: "llama-stack",
  sniff: (head) => head.trimStart().startsWith("{") && /"(request|response|test_id)"\s*:/.test(head),
  open: (text, _relPath, limits) => openLlamaStackValue(parseJsonFile(text, limits)),
};
