import type { CatalogEntry } from "./catalog-entry";
import { parseFailures, type ReplayFailure } from "./error-text";
import { givenFromFailure, InputError, parseGivenRequest, type GivenOptions } from "./given-request";
import { matchRequest, type MatchAnswer, type MatchOptions } from "./match";

/** One failure of a test log and the answer for it. */
export interface FailureAnswer {
  failure: ReplayFailure;
  answer: MatchAnswer;
}

/** The answer to a request, or to each failure of a log. */
export type Answers =
  { kind: "request"; answer: MatchAnswer } | { kind: "failures"; answers: FailureAnswer[] };

/** The replay failures a test log reports; throws `InputError` when it reports none. */
export function failuresOf(log: string): ReplayFailure[] {
  const failures = parseFailures(log);
  if (failures.length === 0) {
    throw new InputError(
      'no replay failure found in the text: expected llama-stack\'s "Recording not found for request hash: …" or vcrpy\'s "Can\'t overwrite existing cassette …"',
    );
  }
  return failures;
}

/** Answers each replay failure. */
export async function answerFailures(
  entries: readonly CatalogEntry[],
  failures: readonly ReplayFailure[],
  options: MatchOptions = {},
): Promise<FailureAnswer[]> {
  const out: FailureAnswer[] = [];
  for (const failure of failures)
    out.push({ failure, answer: await matchRequest(entries, givenFromFailure(failure), options) });
  return out;
}

/**
 * Answers a paste that is either a request (JSON, or a bare body with `url`) or a test log: JSON
 * is read as a request, anything else as a log. Throws `InputError` when it is neither.
 */
export async function answerPaste(
  entries: readonly CatalogEntry[],
  text: string,
  options: GivenOptions & MatchOptions = {},
): Promise<Answers> {
  const trimmed = text.trim();
  if (options.url || trimmed.startsWith("{")) {
    return {
      kind: "request",
      answer: await matchRequest(entries, parseGivenRequest(text, options), options),
    };
  }
  if (trimmed === "") throw new InputError("paste a request or a test log");
  return { kind: "failures", answers: await answerFailures(entries, failuresOf(text), options) };
}
