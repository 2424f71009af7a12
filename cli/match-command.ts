import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { loadLimits } from "@/lib/config";
import { answerFailures, failuresOf } from "@/lib/match/answer";
import { InputError, parseGivenRequest } from "@/lib/match/given-request";
import { matchRequest, type MatchAnswer } from "@/lib/match/match";
import { answerJson, failureJson } from "@/lib/match/match-json";
import { RequestCatalog } from "@/lib/match/request-catalog";
import { parseCommand, UsageError } from "./args";
import { renderAnswer, renderFailure } from "./render-match";

export const MATCH_HELP = `Usage: tapedeck match <request.json> [--root DIR] [--test TEST_ID] [--json]
       tapedeck match <body> --url URL [--method METHOD] [--root DIR] [--test TEST_ID] [--json]
       tapedeck match --from-error FILE|- [--root DIR] [--json]

Why did replay miss? Finds the recordings closest to a request and says what differs.

<request.json> is the request as llama-stack records it ({"method", "url", "body"}, or its raw
HTTP {"url", "method", "payload"} and tool {"provider", "tool_name", "kwargs"} shapes) or a whole
recording {"test_id", "request", "response"}; with --url, the file is the bare HTTP body (JSON or
text) of a request to that URL. "-" reads standard input.

--from-error reads a test log instead (a file, or "-" for standard input) and answers each replay
failure in it: llama-stack's "Recording not found for request hash: …" (hash, model, method, URL)
and vcrpy's CannotOverwriteExistingCassetteException (cassette, request, similar requests and the
matchers they failed), with the test from pytest's "FAILED <node id>" line. An error does not
carry the request body: the differences then cover the method, URL, model and test id.

Recordings are ranked same test first, then same endpoint and model, then request similarity.
Each candidate shows its path (and interaction, for cassettes), the request diff in the
recording's terms (body.tools[0].description changed, body.temperature added), and for
llama-stack whether its file name carries the hash the recorder computes for the given request
(so you see whether only the hash inputs moved, the test id or the URL path, or the body did).

Options:
  --root DIR        the recordings (a checkout, a suite, a cassettes folder; default:
                    $TAPEDECK_ROOT, else the current directory)
  --test TEST_ID    the pytest node id the request was sent from (it is part of the hash)
  --url URL         the input is a bare HTTP body sent to URL
  --method METHOD   with --url (default POST)
  --from-error SRC  read a test log (FILE or -) rather than a request
  --limit N         how many candidates to show (default 5)
  --json            print {"request_hash", "candidates": [{"path", "interaction", "score",
                    "hash_matches", "differences": [{"path", "kind", "before", "after"}]}]};
                    with --from-error, a list of these, one per failure, each with "failure"
  -h, --help        show this help

Paths are given from the current directory (--root joined with the file's path).
Exit status: 0 when an exact match exists (with --from-error: for every failure), 1 when not,
2 on bad input.`;

async function readInput(source: string, what: string): Promise<string> {
  if (source === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString("utf8");
  }
  const info = await stat(source).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`no such ${what}: ${source}`, MATCH_HELP);
  return readFile(source, "utf8");
}

/** The answer's paths as the user reaches them: from the current directory. */
function shownFrom(root: string, answer: MatchAnswer): MatchAnswer {
  return {
    ...answer,
    candidates: answer.candidates.map((c) => ({
      ...c,
      entry: { ...c.entry, path: join(root, c.entry.path) },
    })),
  };
}

export async function matchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    argv,
    {
      root: { type: "string" },
      test: { type: "string" },
      url: { type: "string" },
      method: { type: "string" },
      "from-error": { type: "string" },
      limit: { type: "string" },
      json: { type: "boolean" },
    },
    MATCH_HELP,
  );
  if (values.help) {
    console.log(MATCH_HELP);
    return 0;
  }
  const fromError = values["from-error"];
  if (fromError !== undefined && positionals.length > 0) {
    throw new UsageError("give either a request or --from-error, not both", MATCH_HELP);
  }
  if (fromError === undefined && positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? "missing <request.json>" : `unexpected argument: ${positionals[1] ?? ""}`,
      MATCH_HELP,
    );
  }
  if (values.method !== undefined && values.url === undefined)
    throw new UsageError("--method needs --url", MATCH_HELP);
  const limit = values.limit === undefined ? 5 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit must be a whole number from 1: ${values.limit ?? ""}`, MATCH_HELP);
  const rootArg = values.root ?? process.env.TAPEDECK_ROOT ?? ".";
  const rootInfo = await stat(rootArg).catch(() => null);
  if (!rootInfo?.isDirectory()) throw new UsageError(`not a directory: ${rootArg}`, MATCH_HELP);

  const input = await readInput(
    fromError ?? positionals[0] ?? "",
    fromError === undefined ? "request file" : "log file",
  );
  const limits = loadLimits();
  try {
    if (fromError !== undefined) {
      // Read the log before the recordings: a log with no failure is bad input, found at once.
      const failures = failuresOf(input);
      const catalog = await RequestCatalog.openDirectory(rootArg, { limits });
      const answers = await answerFailures(catalog.entries(), failures, {
        limit,
        whole: (e) => catalog.wholeEntry(e),
      });
      const shown = answers.map(({ failure, answer }) => ({ failure, answer: shownFrom(rootArg, answer) }));
      if (values.json) {
        console.log(
          JSON.stringify(
            shown.map(({ failure, answer }) => ({ ...answerJson(answer), failure: failureJson(failure) })),
          ),
        );
      } else {
        console.log(
          shown
            .map(({ failure, answer }, i) => renderFailure(failure, answer, i + 1, shown.length))
            .join("\n\n"),
        );
      }
      return answers.every(({ answer }) => answer.exact) ? 0 : 1;
    }
    const given = parseGivenRequest(input, {
      test: values.test ?? null,
      url: values.url ?? null,
      method: values.method ?? null,
    });
    const catalog = await RequestCatalog.openDirectory(rootArg, { limits });
    const answer = shownFrom(
      rootArg,
      await matchRequest(catalog.entries(), given, { limit, whole: (e) => catalog.wholeEntry(e) }),
    );
    if (values.json) console.log(JSON.stringify(answerJson(answer)));
    else console.log(renderAnswer(answer));
    return answer.exact ? 0 : 1;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`tapedeck match: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
