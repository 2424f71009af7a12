import type { Change } from "@/lib/diff/change";
import type { Comparison } from "@/lib/diff/compare";
import type { FileComparison } from "@/lib/diff/compare-files";

function value(v: unknown): string {
  if (v === undefined) return "∅";
  const text = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function lines(title: string, changes: Change[]): string[] {
  if (changes.length === 0) return [];
  return [
    `${title} (${changes.length})`,
    ...changes.map((c) =>
      c.kind === "changed"
        ? `  ~ ${c.path}: ${value(c.before)} → ${value(c.after)}`
        : `  ${c.kind === "added" ? "+" : "-"} ${c.path}: ${value(c.kind === "added" ? c.after : c.before)}`,
    ),
  ];
}

/** A comparison for a terminal: the verdict first, then what changed. */
export function renderComparison(comparison: Comparison, a: string, b: string): string {
  const out = [`${comparison.verdict.toUpperCase()}: ${comparison.summary}`, `  a: ${a}`, `  b: ${b}`, ""];
  out.push(...lines("Request", comparison.request));
  out.push(...lines("Response", comparison.response));
  out.push(...lines("Response fields", comparison.rawResponse));
  const s = comparison.stream;
  if (s.before_chunks > 0 || s.after_chunks > 0) {
    out.push(
      `Stream: ${s.before_chunks} → ${s.after_chunks} chunks${s.rechunked ? ", same message re-chunked" : ""}${s.first_divergence === null ? "" : `, first divergence at chunk ${s.first_divergence}`}`,
    );
  }
  if (comparison.noise.length > 0)
    out.push(
      `Noise: ${comparison.noise.length} volatile field${comparison.noise.length === 1 ? "" : "s"} (hidden; --json lists them)`,
    );
  return out.join("\n").trimEnd();
}

/** Two cassettes for a terminal: the file's verdict, then each interaction pair's. */
export function renderFileComparison(comparison: FileComparison, a: string, b: string): string {
  const out = [`${comparison.verdict.toUpperCase()}: ${comparison.summary}`, `  a: ${a}`, `  b: ${b}`, ""];
  for (const pair of comparison.pairs) {
    const where = `a#${pair.a ?? "–"} b#${pair.b ?? "–"}`;
    out.push(`[${where}] ${pair.verdict.toUpperCase()}: ${pair.summary}`);
    if (!pair.comparison || pair.verdict === "noise" || pair.verdict === "identical") continue;
    const details = [
      ...lines("Request", pair.comparison.request),
      ...lines("Response", pair.comparison.response),
      ...lines("Response fields", pair.comparison.rawResponse),
    ];
    out.push(...details.map((line) => `  ${line}`));
  }
  return out.join("\n").trimEnd();
}
