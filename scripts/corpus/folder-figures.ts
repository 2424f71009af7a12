import type { Family } from "@/lib/model/exchange";
import { shown, type FolderSurvey } from "./cassette-survey";

/**
 * The figures the corpus run prints for each cassette folder: files, interactions, families,
 * what stays with a fallback (by host and path), and streamed replies that came out empty.
 */

const FALLBACKS: ReadonlySet<Family> = new Set(["generic", "raw-http"]);
/** How many groups or examples a figure lists before "… and N more". */
const LISTED = 8;

export function isFallback(family: Family): boolean {
  return FALLBACKS.has(family);
}

function counts<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const map = new Map<string, number>();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
  return [...map].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
}

function more(total: number): string {
  return total > LISTED ? `, … and ${total - LISTED} more` : "";
}

/** Streamed replies that reassembled to no content, reasoning or tool calls, by provider family. */
export function emptyStreams(surveys: readonly FolderSurvey[]): Map<Family, string[]> {
  const byFamily = new Map<Family, string[]>();
  for (const survey of surveys) {
    for (const facts of survey.interactions) {
      if (!facts.emptyStream || isFallback(facts.family)) continue;
      const list = byFamily.get(facts.family) ?? [];
      list.push(shown(survey, facts.file, facts.index));
      byFamily.set(facts.family, list);
    }
  }
  return byFamily;
}

function fallbackLine([key, count]: [string, number]): string {
  return `         ${String(count).padStart(5)} × ${key}`;
}

export function printFigures(survey: FolderSurvey): void {
  const { interactions } = survey;
  const formats = Object.entries(survey.formats)
    .map(([format, n]) => `${format} ${n}`)
    .join(", ");
  console.log(
    `     ${survey.label}: ${survey.files} files (${formats || "none"}), ${interactions.length} interactions, ` +
      `${survey.failed.length} failed, ${survey.skipped.length} skipped${survey.skipped.length > 0 ? ` (${survey.skipped.join(", ")})` : ""}`,
  );
  const families = counts(interactions, (facts) => facts.family);
  console.log(`       families: ${families.map(([family, n]) => `${family} ${n}`).join(" · ")}`);
  const left = interactions.filter((facts) => isFallback(facts.family));
  if (left.length > 0) {
    const groups = counts(left, (facts) => `${facts.family} ${facts.method} ${facts.host}${facts.shape}`);
    console.log(`       left to a fallback, by host and path (${groups.length} groups):`);
    for (const group of groups.slice(0, LISTED)) console.log(fallbackLine(group));
    if (groups.length > LISTED) console.log(`         … and ${groups.length - LISTED} more groups`);
  }
  const empty = emptyStreams([survey]);
  if (empty.size > 0) {
    const parts = [...empty].map(([family, list]) => `${family} ${list.length}`);
    console.log(`       streamed replies reassembled to nothing: ${parts.join(" · ")}`);
  }
  const problems = interactions.filter((facts) => facts.problem !== null);
  if (problems.length > 0) {
    const examples = problems.slice(0, 3).map((facts) => `${facts.file}#${facts.index}: ${facts.problem}`);
    console.log(
      `       interactions read with a problem: ${problems.length} (${examples.join("; ")}${more(problems.length)})`,
    );
  }
}

/** The empty streamed replies of every folder, per family, a few named each. */
export function printEmptyStreams(surveys: readonly FolderSurvey[]): void {
  const byFamily = emptyStreams(surveys);
  console.log(
    `     streamed replies that reassembled to nothing (no content, reasoning or tool calls), by family: ${byFamily.size === 0 ? "none" : ""}`,
  );
  for (const [family, list] of [...byFamily].sort(([, a], [, b]) => b.length - a.length)) {
    console.log(`       ${family} ${list.length}: ${list.slice(0, LISTED).join(", ")}${more(list.length)}`);
  }
}
