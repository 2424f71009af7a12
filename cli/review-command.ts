import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { loadLimits } from "@/lib/config";
import { repositoryTop } from "@/lib/git/git-cli";
import { BadRevision } from "@/lib/git/revision";
import { buildReview } from "@/lib/review/build-review";
import { reviewHtml } from "@/lib/review/html";
import { parseLinkBase } from "@/lib/review/links";
import { reviewMarkdown } from "@/lib/review/markdown";
import { reviewJson } from "@/lib/review/review-json";
import { isSubstantive, type Review } from "@/lib/review/review-types";
import { parseCommand, positionals, UsageError } from "./args";

export const REVIEW_HELP = `Usage: tapedeck review [--repo DIR] --base REV [--head REV] [--path PATHSPEC]...
                      [--format json|markdown|html] [--out FILE]... [--link-base URL]

Reviews the recordings a change adds, removes, modifies, renames or copies between two revisions:
pairs re-recordings git did not (same test, or an equal request), gives each change the verdict
of "tapedeck diff" (identical, noise, response, request, error) or added/removed, and groups the
changes that repeat (the same model change in 70 files is one line).

Options:
  --repo DIR        the git repository (default: the current directory)
  --base REV        the revision to compare from (the pull request's base, e.g. origin/main)
  --head REV        the revision to compare to (default: the working tree, untracked files included)
  --path PATHSPEC   review only the recordings under these git pathspecs (from the repository
                    top, e.g. tests/integration/recordings); repeat for several
  --format FORMAT   markdown (default: a pull-request comment under 60 KB), json, or html
                    (one self-contained file with filters and "mark as seen")
  --out FILE        write the report to FILE instead of standard output; repeat to write several
                    formats from one review, each chosen by the file's extension (.md, .json,
                    .html) unless --format is given
  --link-base URL   the Tapedeck dashboard's address, for links to each comparison; its root is
                    assumed to be the repository top (TAPEDECK_ROOT=<repo>)
  -h, --help        show this help

Exit status: 0 when every change is identical or noise, 1 when any change needs a look,
2 for bad usage, a repository that is not git, or a revision that does not exist.`;

const FORMATS = ["markdown", "json", "html"] as const;
type Format = (typeof FORMATS)[number];

function parseFormat(text: string | undefined): Format {
  const format = FORMATS.find((f) => f === (text ?? "markdown"));
  if (!format)
    throw new UsageError(`unknown format "${text ?? ""}": use json, markdown or html`, REVIEW_HELP);
  return format;
}

/** The format of an --out file: its extension's, markdown when it has none of ours. */
function formatOf(file: string): Format {
  const extension = file.slice(file.lastIndexOf(".") + 1).toLowerCase();
  if (extension === "json") return "json";
  if (extension === "html" || extension === "htm") return "html";
  return "markdown";
}

function render(review: Review, format: Format, linkBase: string | null): string {
  if (format === "json") return `${JSON.stringify(reviewJson(review), null, 2)}\n`;
  if (format === "html") return reviewHtml(review, { linkBase });
  return reviewMarkdown(review, { linkBase });
}

export async function reviewCommand(argv: string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(
    argv,
    {
      repo: { type: "string" },
      base: { type: "string" },
      head: { type: "string" },
      path: { type: "string", multiple: true },
      format: { type: "string" },
      out: { type: "string", multiple: true },
      "link-base": { type: "string" },
    },
    REVIEW_HELP,
  );
  if (values.help) {
    console.log(REVIEW_HELP);
    return 0;
  }
  positionals(args, [], REVIEW_HELP);
  if (values.base === undefined) throw new UsageError("missing --base REV", REVIEW_HELP);
  const format = parseFormat(values.format);
  const outs = values.out ?? [];
  if (values.format !== undefined && outs.length > 1) {
    throw new UsageError("--format applies to one --out file; give several without it", REVIEW_HELP);
  }
  const linkBase = values["link-base"] === undefined ? null : parseLinkBase(values["link-base"]);
  if (values["link-base"] !== undefined && linkBase === null) {
    throw new UsageError(`--link-base must be an http(s) address, got "${values["link-base"]}"`, "");
  }
  // The review reads with the environment's limits; a bad value is named here, before any work.
  loadLimits();
  const repo = await repositoryTop(resolve(values.repo ?? "."));
  if (!repo) throw new UsageError(`${resolve(values.repo ?? ".")} is not inside a git repository`, "");

  let review: Review;
  try {
    review = await buildReview({ repo, base: values.base, head: values.head ?? null, paths: values.path });
  } catch (error) {
    if (error instanceof BadRevision) throw new UsageError(error.message, "");
    throw error;
  }
  if (outs.length > 0) {
    for (const file of outs) {
      const out = resolve(file);
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, render(review, values.format === undefined ? formatOf(file) : format, linkBase));
    }
    const look = review.changes.filter((change) => isSubstantive(change.verdict)).length;
    console.error(
      `tapedeck review: ${review.changes.length} changes, ${look} to look at; wrote ${outs.join(", ")}`,
    );
  } else {
    process.stdout.write(render(review, format, linkBase));
  }
  return review.changes.every((change) => !isSubstantive(change.verdict)) ? 0 : 1;
}
