import type { DriftReport } from "./drift-report";
import type { ReplayFailure } from "./error-text";
import type { MatchAnswer } from "./match";

/** `tapedeck match --json`: the request's hash and the candidates, best first. */
export function answerJson(answer: MatchAnswer) {
  return {
    request_hash: answer.requestHash,
    candidates: answer.candidates.map((candidate) => ({
      path: candidate.entry.path,
      interaction: candidate.entry.interaction,
      score: candidate.score,
      hash_matches: candidate.hashMatches,
      // An absent side is null, so every difference has both keys.
      differences: candidate.differences.map(({ path, kind, before, after }) => ({
        path,
        kind,
        before: before ?? null,
        after: after ?? null,
      })),
    })),
  };
}

/** What a replay failure said, beside its answer (`--from-error --json`). */
export function failureJson(failure: ReplayFailure) {
  const base = { kind: failure.kind, test: failure.test, message: failure.message };
  switch (failure.kind) {
    case "llama-stack":
      return { ...base, hash: failure.hash, model: failure.model, method: failure.method, url: failure.url };
    case "llama-stack-tool":
      return { ...base, provider: failure.provider, tool_name: failure.toolName };
    case "llama-stack-http":
      return { ...base, method: failure.method, url: failure.url };
    case "vcrpy":
      return {
        ...base,
        cassette: failure.cassette,
        record_mode: failure.recordMode,
        method: failure.method,
        url: failure.url,
        similar: failure.similar.map((s) => ({
          method: s.method,
          url: s.url,
          matchers_succeeded: s.succeeded,
          matchers_failed: s.failed.map((f) => ({ matcher: f.matcher, message: f.message })),
        })),
      };
  }
}

/** The keys `check --drift --json` adds to the check object. */
export function driftJson(report: DriftReport) {
  return {
    drift: report.drift.map((group) => ({ test: group.test, paths: group.paths, fields: group.fields })),
    stale_names: report.staleNames.map((stale) => ({
      path: stale.path,
      name_hash: stale.nameHash,
      content_hash: stale.contentHash,
    })),
    orphans: report.orphans.map((orphan) => ({
      test: orphan.test,
      missing: orphan.missing,
      paths: orphan.paths,
    })),
  };
}
