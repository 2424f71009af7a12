import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { secretLintProfiler } from "@secretlint/profiler";

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

/** What separates two lines in the text of one run. */
export const SEPARATOR = "\n\n";

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
export type LineFindings = readonly { rule: string; value: string }[];

/** Lints `lines` in one run of the preset; their findings, line by line. */
export async function lintLines(lines: readonly string[]): Promise<LineFindings[]> {
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
