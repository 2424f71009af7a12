import type { FileGroup } from "@/lib/index/group";
import type { RecordingSummary } from "@/lib/index/summary-schema";
import { recordingHref, testHref } from "@/lib/urls";
import { badgeClass, type BadgeTone } from "./badge";
import styles from "./recording-rows.module.css";

/**
 * The list's rows as HTML, written here rather than by React: a page of rows does not change
 * between requests until the tree does, so it is rendered once and served from a cache (React
 * would render and serialize every row of every request again). Everything recorded (paths, test
 * ids, models, prompts, replies, reasons) is untrusted text: it goes through `escapeHtml` and
 * nowhere else. Links are plain anchors; `KeyboardList` turns their clicks into client navigation.
 */

/** Links are written as the browser needs them: under the base path the build serves. */
const BASE_PATH = process.env.TAPEDECK_BUILT_BASE_PATH ?? "";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text or an attribute value as HTML: `& < > " '` as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function badge(text: string, tone: BadgeTone = "neutral"): string {
  return `<span class="${badgeClass(tone)}">${escapeHtml(text)}</span>`;
}

function badges(summary: RecordingSummary): string {
  if (summary.broken) return badge("broken", "red");
  const count = summary.interactions.length;
  return [
    summary.format !== "llama-stack" && summary.format !== null
      ? badge(`${summary.format} · ${count} ${count === 1 ? "interaction" : "interactions"}`, "amber")
      : "",
    summary.kind ? badge(summary.kind, "blue") : "",
    summary.family ? badge(summary.family) : "",
    summary.streaming ? badge(`stream · ${summary.chunks} chunks`, "violet") : "",
    summary.toolCalls > 0 ? badge(`${summary.toolCalls} tool calls`, "green") : "",
    summary.error ? badge("error", "red") : "",
  ].join("");
}

function brief(summary: RecordingSummary): string {
  if (summary.broken) {
    return `<p class="${styles.reason}">${escapeHtml(summary.broken.reason)}</p>`;
  }
  const prompt = summary.prompt ? `<span>${escapeHtml(summary.prompt)}</span>` : "";
  const arrow = summary.prompt && summary.reply ? `<span class="${styles.arrow}"> → </span>` : "";
  const end = summary.error
    ? `<span class="${styles.error}">${escapeHtml(summary.error)}</span>`
    : `<span class="${styles.reply}">${escapeHtml(summary.reply)}</span>`;
  return `<p class="${styles.brief}">${prompt}${arrow}${end}</p>`;
}

/** One recording: what kind of call, which model, and the prompt → reply in brief. */
export function recordingRowHtml(summary: RecordingSummary): string {
  const name = summary.fileName.length > 24 ? `${summary.fileName.slice(0, 12)}…` : summary.fileName;
  const model = summary.model ? `<span class="${styles.model}">${escapeHtml(summary.model)}</span>` : "";
  const params = summary.test?.params
    ? `<span class="${styles.params}" title="${escapeHtml(summary.test.params)}">[${escapeHtml(summary.test.params)}]</span>`
    : "";
  return (
    `<a href="${escapeHtml(BASE_PATH + recordingHref(summary.relPath))}" data-row="" class="recording-row">` +
    `<div class="${styles.head}">${badges(summary)}${model}${params}` +
    `<span class="${styles.where}" title="${escapeHtml(summary.relPath)}">` +
    `${escapeHtml(name)} · ${formatSize(summary.size)}</span></div>${brief(summary)}</a>`
  );
}

/** A page of rows grouped by test file, then by test (each test linking to its page). */
export function recordingGroupsHtml(groups: readonly FileGroup[]): string {
  return groups
    .map((group) => {
      const tests = group.tests.map((test) => {
        const label = test.base
          ? `<a href="${escapeHtml(BASE_PATH + testHref(test.base))}">${escapeHtml(test.label)}</a>`
          : escapeHtml(test.label);
        const rows = test.items.map(recordingRowHtml).join("");
        return `<div class="${styles.test}"><h3 class="${styles.name}">${label}</h3><div class="${styles.rows}">${rows}</div></div>`;
      });
      return `<section class="${styles.group}"><h2 class="${styles.file}">${escapeHtml(group.file)}</h2>${tests.join("")}</section>`;
    })
    .join("");
}

/** The class of the element that holds `recordingGroupsHtml`. */
export const GROUPS_CLASS = styles.groups;
