import type { ReplayFailure } from "@/lib/match/error-text";
import type { GivenRequest } from "@/lib/match/given-request";
import type { Candidate, MatchAnswer } from "@/lib/match/match";
import type { Difference } from "@/lib/match/request-diff";
import { candidateVerdict, failureSummary, requestSummary, testRelation } from "@/lib/match/verdict";

const SHOWN_DIFFERENCES = 12;

/** A value on one line, cut in the middle to a readable length (a test id differs at its end). */
function brief(value: unknown): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 140 ? `${text.slice(0, 60)}…${text.slice(-79)}` : text;
}

function differenceLine(difference: Difference): string {
  const noise = difference.noise ? " (volatile)" : "";
  switch (difference.kind) {
    case "added":
      return `${difference.path} added${noise}: ${brief(difference.after)}`;
    case "removed":
      return `${difference.path} removed${noise} (was ${brief(difference.before)})`;
    case "changed":
      return `${difference.path} changed${noise}: ${brief(difference.before)} → ${brief(difference.after)}`;
  }
}

function candidateBlock(candidate: Candidate, rank: number, given: GivenRequest): string {
  const { entry } = candidate;
  const at = entry.interaction === null ? "" : ` #${entry.interaction}`;
  const relation = given.test === null ? "" : ` · ${testRelation(candidate.testLevel)}`;
  const lines = [`${rank}. ${entry.path}${at}  score ${candidate.score.toFixed(3)}${relation}`];
  // Every other recording of a llama-stack root has another name: say it for the best one only.
  if (candidate.hashMatches === true || (candidate.hashMatches === false && rank === 1)) {
    lines.push(`   name ${candidate.hashMatches ? "carries" : "does not carry"} the request's hash`);
  }
  const verdict = candidateVerdict(candidate, given.bodyKnown);
  if (verdict) lines.push(`   ${verdict}`);
  const { differences } = candidate;
  if (differences.length > 0) {
    lines.push(
      `   ${differences.length} difference${differences.length === 1 ? "" : "s"} (recording → request):`,
    );
    for (const difference of differences.slice(0, SHOWN_DIFFERENCES))
      lines.push(`     ${differenceLine(difference)}`);
    if (differences.length > SHOWN_DIFFERENCES)
      lines.push(`     … and ${differences.length - SHOWN_DIFFERENCES} more (--json lists all)`);
  }
  return lines.join("\n");
}

/** A match answer as text: the request, its hash, then the best candidates. */
export function renderAnswer(answer: MatchAnswer): string {
  const lines = [`Request: ${requestSummary(answer.given)}`];
  if (answer.requestHash) lines.push(`Hash: ${answer.requestHash}`);
  for (const note of answer.notes) lines.push(`Note: ${note}`);
  if (answer.candidates.length === 0) {
    lines.push("", "No recording to compare with under this root.");
    return lines.join("\n");
  }
  lines.push(answer.exact ? "An exact match exists." : "No exact match.");
  answer.candidates.forEach((candidate, i) => lines.push("", candidateBlock(candidate, i + 1, answer.given)));
  return lines.join("\n");
}

/** One failure of a log and its answer. */
export function renderFailure(failure: ReplayFailure, answer: MatchAnswer, n: number, of: number): string {
  const head = `Failure ${n} of ${of}${failure.test ? `: ${failure.test}` : ""}`;
  return [head, ...failureSummary(failure).map((line) => `  ${line}`), renderAnswer(answer)].join("\n");
}
