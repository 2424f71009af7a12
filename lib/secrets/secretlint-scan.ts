import type { RawFinding } from "./recording-rules";
import { SecretlintMemo } from "./secretlint-memo";
import type { Segment } from "./segments";

/**
 * The distinct lines of a file's segments (each linted once) and the
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

/**
 * Runs the preset over every segment of a file (once per distinct line; lines `memo` knows are
 * not linted again, and new ones are linted with other readers' of the same memo).
 */
export async function secretlintFindings(segments: Segment[], memo?: SecretlintMemo): Promise<RawFinding[]> {
  if (segments.length === 0) return [];
  const joined = join(segments);
  const lines = memo ?? new SecretlintMemo();
  const answering = lines.answers(joined.lines);
  // A file read alone has no one to wait for.
  if (!memo) lines.lintNow();
  const answers = await answering;
  const found: RawFinding[] = [];
  joined.lines.forEach((line, at) => {
    for (const { rule, value } of answers.get(line) ?? []) {
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
