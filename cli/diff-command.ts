import { resolve } from "node:path";
import { compareRecordings } from "@/lib/diff/compare";
import { loadCliSource, type LoadedSource } from "@/lib/recording/load-source";
import { SourceError } from "@/lib/sources/side-source";
import { comparisonJson } from "@/lib/diff/comparison-json";
import { parseCommand, positionals, UsageError } from "./args";
import { renderComparison } from "./render-comparison";
import { firstExchange } from "@/lib/recording/first-exchange";

export const DIFF_HELP = `Usage: tapedeck diff <a> <b> [--json] [--repo DIR]

Compares two recordings and gives one verdict: identical, noise (only volatile fields such as
ids, timestamps and fingerprints differ), response (same request, different reply), request
(the request differs) or error (one side is an error, or the error changed); then what changed.

Each side is a file on disk, or <rev>:<path> read from the git repository (path from its top).

Options:
  --json       print one object: {"verdict", "request", "response", "stream", "noise"}
  --repo DIR   the git repository for <rev>:<path> sides (default: the current directory)
  -h, --help   show this help

Exit status: 0 for identical or noise, 1 for any other verdict, 2 for bad usage or a side that
cannot be read or does not decode.`;

async function load(text: string, repo: string): Promise<LoadedSource> {
  try {
    return await loadCliSource(text, repo);
  } catch (error) {
    if (error instanceof SourceError) throw new UsageError(error.message, "");
    throw error;
  }
}

export async function diffCommand(argv: string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(
    argv,
    { json: { type: "boolean" }, repo: { type: "string" } },
    DIFF_HELP,
  );
  if (values.help) {
    console.log(DIFF_HELP);
    return 0;
  }
  const [a = "", b = ""] = positionals(args, ["a", "b"], DIFF_HELP);
  const repo = resolve(values.repo ?? ".");
  const [left, right] = await Promise.all([load(a, repo), load(b, repo)]);
  for (const side of [left, right]) {
    if (!side.decoded.ok)
      throw new UsageError(`${side.label} is not a readable recording: ${side.decoded.reason}`, "");
  }
  if (!left.decoded.ok || !right.decoded.ok) return 2;
  const leftExchange = firstExchange(left.decoded);
  const rightExchange = firstExchange(right.decoded);
  if (!leftExchange || !rightExchange) {
    console.error("tapedeck diff: a side holds no interaction");
    return 2;
  }
  const comparison = compareRecordings(
    { text: left.text, raw: left.decoded.raw, exchange: leftExchange },
    { text: right.text, raw: right.decoded.raw, exchange: rightExchange },
  );
  if (values.json) console.log(JSON.stringify(comparisonJson(comparison)));
  else console.log(renderComparison(comparison, left.label, right.label));
  return comparison.verdict === "identical" || comparison.verdict === "noise" ? 0 : 1;
}
