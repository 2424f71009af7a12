import { detailRows, detailsLabel, pairing } from "./change-details";
import { compareHref, isWorkingTree, reviewHref } from "./links";
import { codeSpan, defuseLineStarts, escapeInline, escapeLine, quote } from "./markdown-escape";
import { clip, clipParts, replyDiff } from "./reply-diff";
import { REVIEW_VERDICTS, type Review, type ReviewChange, type ReviewVerdict } from "./review-types";
import { VERDICT_MEANING, substantiveCount, suiteCounts } from "./review-view";

/** The hidden marker a CI job looks for to update its comment instead of adding another. */
export const REVIEW_MARKER = "<!-- tapedeck-review -->";

/** GitHub refuses comments over 65,536 characters; stay well below. */
export const MARKDOWN_LIMIT = 60_000;

export interface MarkdownOptions {
  /** The dashboard's address (its root is assumed to be the repository top), for links. */
  linkBase?: string | null;
  /** The size cap in bytes (UTF-8). */
  limit?: number;
}

const ICON: Record<ReviewVerdict, string> = {
  secret: "⛔",
  error: "🔴",
  request: "🟠",
  response: "🟡",
  added: "🟢",
  removed: "⚫",
  noise: "⚪",
  identical: "⚪",
};

const MAX_TEXT = 2_500;
const MAX_ROWS = 8;
const MAX_LISTED = 30;

const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** The first thing the comment says when a change adds a credential (masked: rule and preview only). */
function secretWarning(review: Review): string[] {
  const leaking = review.changes.filter((change) => change.verdict === "secret");
  if (leaking.length === 0) return [];
  const found = leaking.flatMap((change) =>
    (change.secrets ?? []).map(
      (secret) =>
        `${codeSpan(change.path)}${secret.interaction === null ? "" : ` #${secret.interaction}`} · ${escapeLine(secret.location)} · ${secret.rule} ${codeSpan(secret.preview)}`,
    ),
  );
  const lines = [
    `> ${ICON.secret} **${plural(leaking.length, "recording")} ${leaking.length === 1 ? "adds" : "add"} a credential.** ` +
      "Revoke it, filter it in the recorder and re-record before merging; it is shown masked.",
  ];
  for (const line of found.slice(0, 10)) lines.push(`> - ${line}`);
  if (found.length > 10) lines.push(`> - … and ${found.length - 10} more`);
  return [...lines, ""];
}

function header(review: Review, linkBase: string | null): string {
  const { summary } = review;
  const total = review.changes.length;
  const statuses = (["added", "removed", "modified", "renamed", "copied"] as const)
    .filter((status) => summary[status] > 0)
    .map((status) => `${summary[status]} ${status}`);
  const lines = [
    REVIEW_MARKER,
    `## 📼 Tapedeck review: ${plural(total, "recording")} changed, ${substantiveCount(review)} to look at`,
    "",
    ...secretWarning(review),
    `${codeSpan(review.base)} → ${isWorkingTree(review.head) ? "the working tree" : codeSpan(review.head)}` +
      (statuses.length > 0 ? ` · ${statuses.join(" · ")}` : ""),
  ];
  if (linkBase)
    lines.push(
      "",
      `[Open this review in the dashboard](<${linkBase}${reviewHref(review.base, review.head)}>)`,
    );
  lines.push("", "| Verdict | Recordings | Meaning |", "| --- | ---: | --- |");
  for (const verdict of REVIEW_VERDICTS) {
    lines.push(
      `| ${ICON[verdict]} ${verdict} | ${summary.verdicts[verdict]} | ${VERDICT_MEANING[verdict]} |`,
    );
  }
  return lines.join("\n");
}

function suites(review: Review): string {
  const counts = suiteCounts(review.changes);
  if (counts.length === 0) return "";
  const lines = [
    `<details><summary>By suite (${counts.length})</summary>`,
    "",
    "| Suite | Changes | To look at | Verdicts |",
    "| --- | ---: | ---: | --- |",
  ];
  for (const suite of counts.slice(0, 30)) {
    const verdicts = REVIEW_VERDICTS.filter((v) => suite.verdicts[v] > 0).map(
      (v) => `${suite.verdicts[v]} ${v}`,
    );
    lines.push(
      `| ${escapeLine(suite.suite)} | ${suite.total} | ${suite.substantive} | ${verdicts.join(" · ")} |`,
    );
  }
  if (counts.length > 30) lines.push(`| … ${counts.length - 30} more suites | | | |`);
  lines.push("", "</details>");
  return lines.join("\n");
}

function groups(review: Review): string {
  if (review.groups.length === 0) return "";
  const lines = ["### Repeated changes", "", "| Recordings | Change |", "| ---: | --- |"];
  for (const group of review.groups.slice(0, 10))
    lines.push(`| ${group.count} | ${escapeLine(group.title)} |`);
  if (review.groups.length > 10) lines.push(`| | … and ${review.groups.length - 10} more |`);
  return lines.join("\n");
}

/** The reply's text diff: a word diff in a quote (`<del>`, `<ins>`), or the text before and after. */
function textDiff(text: { before: string; after: string }): string {
  const diff = replyDiff(text.before, text.after);
  if (diff.kind === "rewritten") {
    return [
      "**Reply before**",
      "",
      quote(clip(text.before, MAX_TEXT)),
      "",
      "**Reply after**",
      "",
      quote(clip(text.after, MAX_TEXT)),
    ].join("\n");
  }
  const body = clipParts(diff.parts, MAX_TEXT * 2)
    .map((part) => {
      const tag = part.added ? "ins" : part.removed ? "del" : null;
      return part.value
        .split(/\r?\n/)
        .map((piece) =>
          tag && piece.trim() !== "" ? `<${tag}>${escapeInline(piece)}</${tag}>` : escapeInline(piece),
        )
        .join("\n");
    })
    .join("");
  const quoted = body
    .split("\n")
    .map((line) => (line.trim() === "" ? ">" : `> ${defuseLineStarts(line)}`))
    .join("\n");
  return ["**Reply text** (<del>removed</del>, <ins>added</ins>)", "", quoted].join("\n");
}

function detailsTable(change: ReviewChange): string {
  const rows = detailRows(change);
  if (rows.length === 0) return "";
  const lines = ["| | Field | Before | After |", "| --- | --- | --- | --- |"];
  for (const row of rows.slice(0, MAX_ROWS)) {
    lines.push(
      `| ${row.side} | ${codeSpan(row.field)} | ${escapeLine(row.before)} | ${escapeLine(row.after)} |`,
    );
  }
  if (rows.length > MAX_ROWS) lines.push(`| | … ${rows.length - MAX_ROWS} more | | |`);
  return lines.join("\n");
}

function changeSection(change: ReviewChange, review: Review, linkBase: string | null): string {
  const pair = pairing(change);
  const href = linkBase ? compareHref(change, review) : null;
  const about = [
    pair ? `${pair.verb} from ${codeSpan(pair.from)} (paired by ${pair.by})` : null,
    change.testId ? `test ${codeSpan(change.testId)}` : null,
    href ? `[compare](<${linkBase}${href}>)` : null,
  ].filter((fact): fact is string => fact !== null);
  const lines = [
    `**${ICON[change.verdict]} ${change.verdict}** · ${codeSpan(change.path)}  `,
    escapeLine(change.summary) + (about.length > 0 ? "  " : ""),
  ];
  if (about.length > 0) lines.push(about.join(" · "));
  const table = detailsTable(change);
  const details = [table, change.text ? textDiff(change.text) : ""].filter(Boolean);
  if (details.length > 0) {
    const what = detailsLabel(change.text !== null, detailRows(change).length);
    lines.push(`<details><summary>${what}</summary>`, "", details.join("\n\n"), "", "</details>");
  }
  return lines.join("\n");
}

function pathList(title: string, changes: ReviewChange[]): string {
  if (changes.length === 0) return "";
  const lines = [`<details><summary>${title} (${changes.length})</summary>`, ""];
  for (const change of changes.slice(0, MAX_LISTED)) {
    lines.push(`- ${codeSpan(change.path)}${change.testId ? ` · ${codeSpan(change.testId)}` : ""}`);
  }
  if (changes.length > MAX_LISTED) lines.push(`- … and ${changes.length - MAX_LISTED} more`);
  lines.push("", "</details>");
  return lines.join("\n");
}

/**
 * The review as a pull-request comment: marker and title, the summary tables, the top repeated
 * changes, then the substantive changes with their differences in collapsible sections; under
 * `limit` bytes, saying how many sections were left out.
 */
export function reviewMarkdown(review: Review, options: MarkdownOptions = {}): string {
  const linkBase = options.linkBase ?? null;
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const fixed = [header(review, linkBase), suites(review), groups(review)].filter(Boolean);
  const pick = (verdicts: ReviewVerdict[]) => review.changes.filter((c) => verdicts.includes(c.verdict));
  const toLook = pick(["secret", "error", "request", "response"]);
  // The compact lists of added and removed recordings always fit (they are capped); the detailed
  // sections fill what room is left, rendered only while they fit.
  const lists = [
    pathList("New recordings", pick(["added"])),
    pathList("Removed recordings", pick(["removed"])),
  ].filter(Boolean);
  const tail = lists.map((list) => `\n\n${list}`).join("");
  const footerRoom = 400;
  let out = fixed.join("\n\n");
  if (toLook.length > 0) out += `\n\n### To look at (${toLook.length})`;
  let size = bytes(out) + bytes(tail);
  let omitted = 0;
  for (const change of toLook) {
    if (omitted > 0) {
      omitted++;
      continue;
    }
    const text = changeSection(change, review, linkBase);
    if (size + bytes(text) + 2 + footerRoom > limit) {
      omitted++;
      continue;
    }
    out += `\n\n${text}`;
    size += bytes(text) + 2;
  }
  if (omitted > 0) {
    const where = linkBase
      ? `[the dashboard](<${linkBase}${reviewHref(review.base, review.head)}>)`
      : "the HTML report";
    out += `\n\n_${plural(omitted, "more change")} to look at left out to keep this comment under ${Math.round(limit / 1000)} KB: see ${where}._`;
  }
  out += tail;
  if (review.changes.length === 0) out += "\n\n_No recording changed._";
  return `${out}\n`;
}
