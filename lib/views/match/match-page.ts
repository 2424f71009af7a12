import { answerPaste } from "@/lib/match/answer";
import type { ReplayFailure } from "@/lib/match/error-text";
import { InputError } from "@/lib/match/given-request";
import type { Candidate, MatchAnswer } from "@/lib/match/match";
import { comparable } from "@/lib/match/request-parts";
import { candidateVerdict, failureSummary, requestSummary, testRelation } from "@/lib/match/verdict";
import { recordingHref } from "@/lib/urls";
import { rawJsonDiff } from "@/lib/views/compare/aligned-json";
import type { ListedChange } from "@/lib/views/compare/change-lists";
import { capBlocks, type DiffBlock } from "@/lib/views/compare/line-diff";
import { pageOfInteraction } from "@/lib/views/recording/cassette-view";
import { matchHref } from "@/lib/urls";
import type { MatchQuery } from "./match-query";
import { pasteById, type Paste } from "./paste-store";
import { servedCatalog } from "./server-catalog";

export interface CandidateView {
  rank: number;
  path: string;
  interaction: number | null;
  /** The recording's page (a cassette's interaction anchored). */
  href: string;
  /** This page with the two requests compared line by line. */
  compareHref: string;
  score: string;
  /** How it relates to the request's test; null when the request names none. */
  relation: string | null;
  /** llama-stack: whether the file name carries the request's hash. */
  hash: "carries" | "differs" | null;
  verdict: string | null;
  exact: boolean;
  changes: ListedChange[];
}

export interface AnswerView {
  title: string;
  /** What the error said (a log's failure), line by line. */
  failure: string[];
  request: string;
  requestHash: string | null;
  notes: string[];
  exact: boolean;
  candidates: CandidateView[];
}

export interface RequestCompareView {
  title: string;
  recordingHref: string;
  closeHref: string;
  blocks: DiffBlock[];
  hiddenLines: number;
  changedLines: number;
}

export type MatchPageView =
  | { state: "empty"; form: Paste }
  | { state: "expired"; form: Paste }
  | { state: "error"; form: Paste; message: string }
  | { state: "answered"; form: Paste; answers: AnswerView[]; compare: RequestCompareView | null };

const EMPTY: Paste = { text: "", test: "", url: "", method: "" };
const COMPARE_LINES = 800;

function candidateView(
  id: string,
  answerIndex: number,
  answer: MatchAnswer,
  candidate: Candidate,
  i: number,
): CandidateView {
  const { entry } = candidate;
  const href =
    entry.interaction === null
      ? recordingHref(entry.path)
      : recordingHref(entry.path, {
          page: pageOfInteraction(entry.interaction),
          interaction: entry.interaction,
        });
  return {
    rank: i + 1,
    path: entry.path,
    interaction: entry.interaction,
    href,
    compareHref: matchHref(id, { answer: answerIndex, candidate: i }),
    score: candidate.score.toFixed(3),
    relation: answer.given.test === null ? null : testRelation(candidate.testLevel),
    hash: candidate.hashMatches === null ? null : candidate.hashMatches ? "carries" : "differs",
    verdict: candidateVerdict(candidate, answer.given.bodyKnown),
    exact: candidate.exact,
    changes: candidate.differences.map(({ path, kind, before, after, noise }) => ({
      path,
      kind,
      before,
      after,
      noise,
    })),
  };
}

function answerView(
  id: string,
  index: number,
  answer: MatchAnswer,
  failure: ReplayFailure | null,
  of: number,
): AnswerView {
  return {
    title: failure
      ? `Failure ${index + 1} of ${of}${failure.test ? `: ${failure.test}` : ""}`
      : "Your request",
    failure: failure ? failureSummary(failure) : [],
    request: requestSummary(answer.given),
    requestHash: answer.requestHash,
    notes: answer.notes,
    exact: answer.exact,
    candidates: answer.candidates.map((candidate, i) => candidateView(id, index, answer, candidate, i)),
  };
}

/** The two requests side by side: the recording's (a) and the given one (b), as its recorder compares them. */
function compareView(id: string, answer: MatchAnswer, candidate: Candidate): RequestCompareView {
  const shape = candidate.entry.parts.shape;
  const withTest = (object: Record<string, unknown>, test: string | null) =>
    test === null ? object : { test_id: test, ...object };
  const given = answer.given.bodyKnown
    ? answer.given.parts
    : {
        ...answer.given.parts,
        body: answer.given.parts.model === null ? {} : { model: answer.given.parts.model },
      };
  const diff = rawJsonDiff(
    withTest(comparable(shape, candidate.entry.parts), candidate.entry.test),
    withTest(comparable(shape, given), answer.given.test),
  );
  const capped = diff.ok ? capBlocks(diff.blocks, COMPARE_LINES) : { blocks: [], hiddenLines: 0 };
  const { entry } = candidate;
  return {
    title: `${entry.path}${entry.interaction === null ? "" : ` #${entry.interaction}`}`,
    recordingHref:
      entry.interaction === null
        ? recordingHref(entry.path)
        : recordingHref(entry.path, {
            page: pageOfInteraction(entry.interaction),
            interaction: entry.interaction,
          }),
    closeHref: matchHref(id),
    blocks: capped.blocks,
    hiddenLines: capped.hiddenLines,
    changedLines: diff.ok ? diff.changedLines : 0,
  };
}

/**
 * Everything /match shows for its URL: the form (refilled with the paste), and for a paste the
 * answer (one per failure of a log), with one request comparison when asked.
 */
export async function loadMatchPage(query: MatchQuery): Promise<MatchPageView> {
  if (query.id === "") return { state: "empty", form: EMPTY };
  const paste = pasteById(query.id);
  if (!paste) return { state: "expired", form: EMPTY };
  const catalog = await servedCatalog();
  try {
    const answers = await answerPaste(catalog.entries(), paste.text, {
      test: paste.test || null,
      url: paste.url || null,
      method: paste.method || null,
      whole: (entry) => catalog.wholeEntry(entry),
    });
    const list =
      answers.kind === "request"
        ? [{ answer: answers.answer, failure: null }]
        : answers.answers.map(({ answer, failure }) => ({ answer, failure }));
    const views = list.map(({ answer, failure }, i) => answerView(query.id, i, answer, failure, list.length));
    const asked = query.compare;
    const target = asked ? list[asked.answer] : undefined;
    const candidate = asked && target ? target.answer.candidates[asked.candidate] : undefined;
    return {
      state: "answered",
      form: paste,
      answers: views,
      compare: target && candidate ? compareView(query.id, target.answer, candidate) : null,
    };
  } catch (error) {
    if (error instanceof InputError) return { state: "error", form: paste, message: error.message };
    throw error;
  }
}
