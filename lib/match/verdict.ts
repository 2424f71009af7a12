import type { ReplayFailure } from "./error-text";
import type { GivenRequest } from "./given-request";
import type { Candidate } from "./match";

/** The fields llama-stack hashes besides the body: moving one gives a new file name. */
const HASH_INPUTS = new Set(["test_id", "endpoint", "method", "url"]);

/** What a candidate's differences mean, in one sentence; null when the list says it all. */
export function candidateVerdict(candidate: Candidate, bodyKnown: boolean): string | null {
  const { differences, hashMatches } = candidate;
  if (candidate.exact) {
    return hashMatches === false
      ? "Exact match, but the file name does not carry the request's hash: the recorder will not find it."
      : "Exact match.";
  }
  if (!bodyKnown) {
    if (differences.length === 0) {
      if (hashMatches === true) return "The file is named for the hash in the error.";
      if (hashMatches === false)
        return "Method, URL path, model and test agree, yet the hash differs: the request body moved.";
      return candidate.entry.format === "llama-stack"
        ? "Method, URL and test agree: the request body moved."
        : "Method, URL and test agree: the body (or a header) moved; the recorder's failed matchers say which.";
    }
    return null;
  }
  const moved = differences.filter((d) => HASH_INPUTS.has(d.path));
  if (moved.length > 0 && moved.length === differences.length) {
    return `The body is equal: only ${moved.map((d) => d.path).join(" and ")} moved, which changes the hash.`;
  }
  const noise = differences.filter((d) => d.noise);
  if (noise.length > 0 && noise.length === differences.length) {
    return "Only volatile values differ (ids, times, a host): the request embeds something that changes on every run.";
  }
  return null;
}

/** How a candidate relates to the request's test, for a reader. */
export function testRelation(level: number): string {
  return ["another test", "same test file", "same test function", "same test"][level] ?? "another test";
}

/** The request in one line: method and URL (or the tool), model, test. */
export function requestSummary(given: GivenRequest): string {
  const { parts, test } = given;
  const what =
    parts.shape === "tool"
      ? `tool ${parts.provider ?? "?"}.${parts.toolName ?? "?"}`
      : parts.shape === "file"
        ? `file processor ${parts.provider ?? "?"} (${parts.fileId ?? "?"})`
        : `${parts.method ?? "?"} ${parts.url ?? parts.endpoint ?? "?"}`;
  return [what, parts.model ? `model ${parts.model}` : null, test ? `test ${test}` : "no test id"]
    .filter((part) => part !== null)
    .join(" · ");
}

/** What a replay failure said: its message, and for vcrpy the cassette and similar requests. */
export function failureSummary(failure: ReplayFailure): string[] {
  const lines = [failure.message];
  if (failure.kind !== "vcrpy") return lines;
  lines.push(`cassette: ${failure.cassette}`);
  for (const similar of failure.similar) {
    const failed = similar.failed.map((f) =>
      f.message ? `${f.matcher} (${f.message.split("\n")[0]})` : f.matcher,
    );
    lines.push(
      `vcrpy's similar request: ${similar.method ?? "?"} ${similar.url ?? "?"}; matchers failed: ${failed.join(", ") || "none"}`,
    );
  }
  return lines;
}
