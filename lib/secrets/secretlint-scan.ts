import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { secretLintProfiler } from "@secretlint/profiler";
import type { RawFinding } from "./recording-rules";
import type { Segment } from "./segments";

/**
 * secretlint 12 marks every rule of every run on the global performance timeline, whether or not
 * anyone profiles, and its observer keeps each mark and measure forever: over a few thousand
 * files each run gets slower (the lookups are quadratic) and memory grows without end (upstream
 * issues #1633 and #1653, fixed in 13, which needs Node 22). We never profile: marking is
 * turned off once, for the process.
 */
secretLintProfiler.mark = () => undefined;

const PREFIX = "@secretlint/secretlint-rule-";

/**
 * secretlint's recommended preset (the known credential formats: OpenAI, Anthropic, AWS, GitHub,
 * Slack, private keys, …), with AWS access key ids reported too: SigV4 headers and presigned
 * URLs carry them.
 */
const CONFIG: Parameters<typeof lintSource>[0]["options"]["config"] = {
  rules: [
    {
      id: recommended.meta.id,
      rule: recommended,
      rules: [{ id: `${PREFIX}aws`, options: { enableIDScanRule: true } }],
    },
  ],
};

/** A rule's short name; AWS's messages are three kinds of finding. */
function ruleName(ruleId: string, messageId: string): string {
  if (ruleId === `${PREFIX}aws`) {
    if (messageId === "AWSAccessKeyID") return "aws-access-key-id";
    if (messageId === "AWSSecretAccessKey") return "aws-secret-access-key";
    if (messageId === "AWSAccountID") return "aws-account-id";
  }
  return ruleId.startsWith(PREFIX) ? ruleId.slice(PREFIX.length) : ruleId;
}

/**
 * The distinct lines of a file's segments (linted in one secretlint run per file) and the
 * segments that are each line: a conversation repeats its history in every request, so a
 * cassette's text is mostly repeats (over the corpus, 26 MB hold 11 MB of distinct lines).
 */
interface Joined {
  lines: string[];
  owners: Segment[][];
}

/** The line a segment becomes: `name: value`, so that rules that want context (`aws_secret_access_key = …`) see it. */
function lineOf(segment: Segment): string {
  switch (segment.kind) {
    case "header":
      return `${segment.name}: ${segment.value}`;
    case "url":
      return segment.url;
    case "text":
      return segment.key && segment.key.length <= 64
        ? `${JSON.stringify(segment.key)}: ${segment.text}`
        : segment.text;
  }
}

const SEPARATOR = "\n\n";

function join(segments: Segment[]): Joined {
  const indexOf = new Map<string, number>();
  const lines: string[] = [];
  const owners: Segment[][] = [];
  for (const segment of segments) {
    const line = lineOf(segment);
    const known = indexOf.get(line);
    if (known !== undefined) {
      owners[known]?.push(segment);
      continue;
    }
    indexOf.set(line, lines.length);
    lines.push(line);
    owners.push([segment]);
  }
  return { lines, owners };
}

/** The index of the line `offset` falls in, given where each line starts. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The value a message is about: its data names it (the range of some rules covers more, or
 * less); a basic-auth URL's credential is its password.
 */
function valueOf(line: string, inRange: string, data: unknown): string {
  const named =
    data !== null && typeof data === "object"
      ? Object.values(data).find(
          (item): item is string => typeof item === "string" && item.length >= 8 && line.includes(item),
        )
      : undefined;
  const value = named ?? inRange;
  const password = /:\/\/[^:@/\s]*:([^@/\s]+)@/.exec(value)?.[1];
  return password ?? value;
}

/** What the preset found in one line: each finding's rule and value, in the line's order. */
type LineFindings = readonly { rule: string; value: string }[];

/**
 * The preset's findings by line, kept across files (a review's, a scan's): a line met again (a
 * header, a model name, a request repeated from the base side) is not linted again. Lines longer
 * than `MEMO_LINE` are not kept (they rarely repeat), and a memo past `MEMO_LINES` starts over.
 */
export type SecretlintMemo = Map<string, LineFindings>;
const MEMO_LINE = 2_000;
const MEMO_LINES = 200_000;

/** Lints `lines` in one run of the preset; their findings, line by line. */
async function lintLines(lines: readonly string[]): Promise<LineFindings[]> {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + SEPARATOR.length;
  }
  const content = lines.join(SEPARATOR);
  const result = await lintSource({
    source: { content, filePath: "recording.txt", ext: ".txt", contentType: "text" },
    options: { config: CONFIG, noPhysicFilePath: true },
  });
  const found: { rule: string; value: string }[][] = lines.map(() => []);
  // The preset's messages come sorted by place: each line's findings stay in its order.
  for (const message of result.messages) {
    const at = lineAt(starts, message.range[0]);
    const line = lines[at] ?? "";
    const value = valueOf(line, content.slice(message.range[0], message.range[1]), message.data);
    found[at]?.push({ rule: ruleName(message.ruleId, message.messageId), value });
  }
  return found;
}

/**
 * Runs the preset over every segment of a file (once per distinct line; lines `memo` knows are
 * not linted again).
 */
export async function secretlintFindings(
  segments: Segment[],
  memo: SecretlintMemo = new Map(),
): Promise<RawFinding[]> {
  if (segments.length === 0) return [];
  const joined = join(segments);
  const fresh = joined.lines.filter((line) => !memo.has(line));
  const linted = fresh.length > 0 ? await lintLines(fresh) : [];
  const answers = new Map<string, LineFindings>();
  fresh.forEach((line, i) => {
    const findings = linted[i] ?? [];
    answers.set(line, findings);
    if (line.length > MEMO_LINE) return;
    if (memo.size >= MEMO_LINES) memo.clear();
    memo.set(line, findings);
  });
  const found: RawFinding[] = [];
  joined.lines.forEach((line, at) => {
    for (const { rule, value } of answers.get(line) ?? memo.get(line) ?? []) {
      for (const segment of joined.owners[at] ?? []) {
        found.push({
          interaction: segment.interaction,
          location:
            segment.kind === "header"
              ? `${segment.location} ${segment.name.toLowerCase()}`
              : segment.location,
          rule,
          value,
        });
      }
    }
  });
  return found;
}
