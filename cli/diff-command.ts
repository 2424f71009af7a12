import { resolve } from "node:path";
import { loadLimits } from "@/lib/config";
import type { ReadLimits } from "@/lib/model/limits";
import { compareRecordings } from "@/lib/diff/compare";
import { compareFiles } from "@/lib/diff/compare-files";
import { sideFile } from "@/lib/diff/load-side";
import { loadCliSource, type LoadedSource } from "@/lib/recording/load-source";
import { SourceError } from "@/lib/sources/side-source";
import { scanAndMask } from "@/lib/secrets/masked-source";
import { cassetteComparisonJson, comparisonJson } from "@/lib/diff/comparison-json";
import { parseCommand, positionals, UsageError } from "./args";
import { renderComparison, renderFileComparison } from "./render-comparison";
import { firstExchange } from "@/lib/recording/first-exchange";

export const DIFF_HELP = `Usage: tapedeck diff <a> <b> [--json] [--repo DIR]

Compares two recordings and gives one verdict: identical, noise (only volatile fields such as
ids, timestamps and fingerprints differ, each by a named rule), response (same request, different
reply), request (the request differs) or error (one side is an error, or the error changed); then
what changed. Two cassettes are compared interaction by interaction (paired in order, then by
method, URL and request body): each pair gets its verdict, an unpaired one is added or removed,
and the file's verdict is the most serious of them.

Each side is a file on disk, or <rev>:<path> read from the git repository (path from its top).

Options:
  --json       print one object: {"verdict", "summary", "request", "response", "stream", "noise"};
               for cassettes {"verdict", "summary", "interactions": [{"a", "b", "verdict",
               "summary", "request", "response", "stream", "noise"}]}
  --repo DIR   the git repository for <rev>:<path> sides (default: the current directory)
  -h, --help   show this help

Exit status: 0 for identical or noise, 1 for any other verdict, 2 for bad usage or a side that
cannot be read or does not decode.`;

async function load(text: string, repo: string, limits: ReadLimits): Promise<LoadedSource> {
  try {
    // Masked before comparing: no before/after value, noise entry or summary can show a credential.
    return (await scanAndMask(await loadCliSource(text, repo, limits))).source;
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
  const limits = loadLimits();
  const [left, right] = await Promise.all([load(a, repo, limits), load(b, repo, limits)]);
  for (const side of [left, right]) {
    if (!side.decoded.ok)
      throw new UsageError(`${side.label} is not a readable recording: ${side.decoded.reason}`, "");
  }
  if (!left.decoded.ok || !right.decoded.ok) return 2;
  const leftFile = sideFile(left.text, left.decoded);
  const rightFile = sideFile(right.text, right.decoded);
  if (
    leftFile &&
    rightFile &&
    (leftFile.file.format !== "llama-stack" || rightFile.file.format !== "llama-stack")
  ) {
    const files = compareFiles(leftFile, rightFile);
    if (values.json) console.log(JSON.stringify(cassetteComparisonJson(files)));
    else console.log(renderFileComparison(files, left.label, right.label));
    return files.verdict === "identical" || files.verdict === "noise" ? 0 : 1;
  }
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
