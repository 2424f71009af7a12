import { detailRows, detailsLabel, pairing } from "./change-details";
import { REPORT_CSS, REPORT_SCRIPT } from "./html-assets";
import { compareHref, isWorkingTree, reviewHref } from "./links";
import { escapeHtml as esc } from "./markdown-escape";
import { replyDiff } from "./reply-diff";
import { REVIEW_VERDICTS, type Review, type ReviewChange } from "./review-types";
import {
  VERDICT_MEANING,
  changeKey,
  seenStorageKey,
  substantiveCount,
  suiteCounts,
  type SuiteCount,
} from "./review-view";

export interface HtmlOptions {
  /** The dashboard's address (its root is assumed to be the repository top), for links. */
  linkBase?: string | null;
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

function summarySection(review: Review, suites: SuiteCount[]): string {
  const tiles = REVIEW_VERDICTS.map(
    (verdict) =>
      `<li class="tile${review.summary.verdicts[verdict] === 0 ? " zero" : ""}" title="${esc(VERDICT_MEANING[verdict])}"><strong>${review.summary.verdicts[verdict]}</strong>` +
      `<span class="badge v-${verdict}">${verdict}</span></li>`,
  ).join("");
  const rows = suites
    .map((suite) => {
      const cells = REVIEW_VERDICTS.map((v) => `<td class="num">${suite.verdicts[v] || ""}</td>`).join("");
      return `<tr><th scope="row">${esc(suite.suite)}</th><td class="num">${suite.total}</td>${cells}</tr>`;
    })
    .join("");
  const heads = REVIEW_VERDICTS.map((v) => `<th scope="col" class="num">${v}</th>`).join("");
  return `<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<ul class="tiles" aria-label="Changes by verdict">${tiles}</ul>
<h3>By suite</h3><div class="scroll"><table aria-label="Changes by suite"><thead><tr><th scope="col">Suite</th>
<th scope="col" class="num">Changes</th>${heads}</tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function groupsSection(review: Review): string {
  if (review.groups.length === 0) return "";
  const items = review.groups
    .map(
      (group, i) =>
        `<li><span class="mono">${group.count}</span> · <button type="button" data-group="${i}">${esc(group.title)}</button></li>`,
    )
    .join("");
  return `<section aria-labelledby="groups-h"><h2 id="groups-h">Repeated changes</h2>
<p class="muted">The same change in several recordings; choose one to list only those.</p><ul class="groups">${items}</ul></section>`;
}

function textDiff(text: { before: string; after: string }): string {
  const diff = replyDiff(text.before, text.after);
  if (diff.kind === "rewritten") {
    return `<p><strong>Reply before</strong></p><div class="text">${esc(text.before)}</div>
<p><strong>Reply after</strong></p><div class="text">${esc(text.after)}</div>`;
  }
  const body = diff.parts
    .map((p) =>
      p.added ? `<ins>${esc(p.value)}</ins>` : p.removed ? `<del>${esc(p.value)}</del>` : esc(p.value),
    )
    .join("");
  return `<p><strong>Reply text</strong> <span class="muted">(<del>removed</del> <ins>added</ins>)</span></p><div class="text">${body}</div>`;
}

function details(change: ReviewChange): string {
  const rows = detailRows(change);
  const table =
    rows.length === 0
      ? ""
      : `<div class="scroll"><table><thead><tr><th scope="col"></th><th scope="col">Field</th><th scope="col">Before</th>` +
        `<th scope="col">After</th></tr></thead><tbody>${rows
          .map(
            (r) =>
              `<tr><td>${r.side}</td><td><code>${esc(r.field)}</code></td><td>${esc(r.before)}</td><td>${esc(r.after)}</td></tr>`,
          )
          .join("")}</tbody></table></div>`;
  const text = change.text ? textDiff(change.text) : "";
  if (!table && !text) return "";
  return `<details><summary>${detailsLabel(change.text !== null, rows.length)}</summary>${table}${text}</details>`;
}

function changeItem(
  change: ReviewChange,
  review: Review,
  groupsOf: Map<string, number[]>,
  linkBase: string | null,
) {
  const pair = pairing(change);
  const href = linkBase ? compareHref(change, review) : null;
  const facts = [
    pair ? `${pair.verb} from <code>${esc(pair.from)}</code> (paired by ${esc(pair.by)})` : "",
    change.testId ? `test <code>${esc(change.testId)}</code>` : "",
    href ? `<a href="${esc(linkBase + href)}">compare</a>` : "",
  ].filter(Boolean);
  const key = changeKey(change);
  return `<li class="change" data-key="${esc(key)}" data-verdict="${change.verdict}" data-suite="${esc(change.suite)}" data-groups="${(groupsOf.get(change.path) ?? []).join(" ")}">
<article aria-label="${esc(change.path)}"><div class="change-head"><span class="badge v-${change.verdict}">${change.verdict}</span>
<code class="path">${esc(change.path)}</code><label class="seen-toggle"><input type="checkbox" class="seen-box"> Seen</label></div>
<p class="summary-line">${esc(change.summary)}</p>${facts.length > 0 ? `<p class="muted summary-line">${facts.join(" · ")}</p>` : ""}
${details(change)}</article></li>`;
}

function options(values: [string, string][]): string {
  return values.map(([value, label]) => `<option value="${esc(value)}">${esc(label)}</option>`).join("");
}

/**
 * The review as one self-contained HTML file: styles and script inline, no external resource,
 * every recorded string escaped. Filters by verdict, suite and group; "mark as seen" in localStorage.
 */
export function reviewHtml(review: Review, opts: HtmlOptions = {}): string {
  const linkBase = opts.linkBase ?? null;
  const suites = suiteCounts(review.changes);
  const groupsOf = new Map<string, number[]>();
  review.groups.forEach((group, i) => {
    for (const path of group.paths) groupsOf.set(path, [...(groupsOf.get(path) ?? []), i]);
  });
  const head = isWorkingTree(review.head) ? "the working tree" : review.head;
  const title = `Tapedeck review: ${review.base} → ${head}`;
  const s = review.summary;
  const statuses = (["added", "removed", "modified", "renamed", "copied"] as const)
    .filter((k) => s[k] > 0)
    .map((k) => `${s[k]} ${k}`);
  const verdictOptions = options([
    ["", "All"],
    ["substantive", `To look at (${substantiveCount(review)})`],
    ...REVIEW_VERDICTS.map((v): [string, string] => [v, `${v} (${s.verdicts[v]})`]),
  ]);
  const suiteOptions = options([
    ["", "All"],
    ...suites.map((x): [string, string] => [x.suite, `${x.suite} (${x.total})`]),
  ]);
  const groupOptions = options([
    ["", "All"],
    ...review.groups.map((g, i): [string, string] => [String(i), `${g.title} (${g.count})`]),
  ]);
  const dashboard = linkBase
    ? ` · <a href="${esc(linkBase + reviewHref(review.base, review.head))}">open in the dashboard</a>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${REPORT_CSS}</style></head>
<body data-storage-key="${esc(seenStorageKey(review.base, review.head))}">
<header class="top"><h1>Tapedeck review</h1><p class="muted"><code>${esc(review.base)}</code> → <code>${esc(head)}</code> ·
${plural(review.changes.length, "recording")} changed, ${substantiveCount(review)} to look at${statuses.length ? ` · ${statuses.join(" · ")}` : ""}${dashboard}</p></header>
<main>${summarySection(review, suites)}${groupsSection(review)}
<section id="changes" aria-labelledby="changes-h"><h2 id="changes-h">Changes</h2>
<form class="filters" role="search" aria-label="Filters" onsubmit="return false">
<label>Verdict<select id="f-verdict">${verdictOptions}</select></label>
<label>Suite<select id="f-suite">${suiteOptions}</select></label>
<label>Group<select id="f-group">${groupOptions}</select></label></form>
<p role="status" id="remaining">${plural(review.changes.length, "change")}</p>
<ol class="changes">${review.changes.map((c) => changeItem(c, review, groupsOf, linkBase)).join("\n")}</ol>
${review.changes.length === 0 ? `<p class="muted">No recording changed.</p>` : ""}</section></main>
<script>${REPORT_SCRIPT}</script></body></html>
`;
}
