import type { Change } from "@/lib/diff/change";
import { rawDiff } from "@/lib/diff/raw-diff";
import { fastPythonDumps } from "@/lib/recording/python-dumps";
import { normalizeBodyForHash } from "@/lib/recording/recorder-hash";
import { bodyModel, comparable, type RequestParts, type RequestShape } from "./request-parts";

/** A difference between a recording's request (before) and the given one (after). */
export interface Difference extends Change {
  /** What the raw diff calls noise (a volatile id, a time, a host alone): shown apart, still a difference. */
  noise: boolean;
}

/** Whether llama-stack's recorder hashes the test id for a request of this shape at this endpoint. */
export function hashesTestId(shape: RequestShape, endpoint: string | null): boolean {
  if (shape === "tool") return false;
  if (shape === "inference")
    return !["/api/tags", "/v1/models", "/v1/openai/v1/models"].includes(endpoint ?? "");
  return true;
}

/** What is known of the given request when only an error text described it: no body, maybe a model. */
function partialOf(parts: RequestParts, model: string | null): RequestParts {
  return { ...parts, body: model === null ? {} : { model } };
}

function normalizedText(value: unknown): string {
  return fastPythonDumps(normalizeBodyForHash(value));
}

export interface DiffOptions {
  /** False when the given request came from an error text: only its method, URL and model are known. */
  bodyKnown: boolean;
  givenTest: string | null;
  candidateTest: string | null;
  /** llama-stack: a change the recorder's normalization erases (a float's 6th place) is no change. */
  recorderNormalizes: boolean;
  /** Whether the test id is part of what the recorder matches on. */
  testMatters: boolean;
}

/**
 * The differences of the given request from a recording's, in the recording's own terms
 * (`body.tools[0].description changed`, `body.temperature added`, `endpoint changed`,
 * `test_id changed`), through the raw diff every other comparison uses.
 */
export function requestDifferences(
  shape: RequestShape,
  recorded: RequestParts,
  given: RequestParts,
  options: DiffOptions,
): Difference[] {
  // Without the body, only a model the error names can be compared.
  const knownModel = given.model !== null;
  const before = options.bodyKnown
    ? recorded
    : partialOf(recorded, knownModel ? (recorded.model ?? bodyModel(recorded.body)) : null);
  const after = options.bodyKnown ? given : partialOf(given, given.model);
  const diff = rawDiff({ request: comparable(shape, before) }, { request: comparable(shape, after) });
  const out: Difference[] = [];
  const take = (change: Change, noise: boolean) => {
    const path = change.path.replace(/^request\.?/, "");
    if (options.recorderNormalizes && change.kind === "changed") {
      if (normalizedText(change.before) === normalizedText(change.after)) return;
    }
    out.push({ ...change, path, noise });
  };
  for (const change of diff.request) take(change, false);
  // The raw diff sets volatile ids and a host-only URL change apart as noise; a recorder that
  // hashes the body still sees them, so they are differences here, marked as noise.
  for (const change of diff.noise) take(change, true);
  if (
    options.testMatters &&
    options.givenTest !== null &&
    options.candidateTest !== null &&
    options.givenTest !== options.candidateTest
  ) {
    out.push({
      path: "test_id",
      kind: "changed",
      before: options.candidateTest,
      after: options.givenTest,
      noise: false,
    });
  }
  return out;
}
