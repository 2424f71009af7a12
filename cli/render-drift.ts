import { join } from "node:path";
import type { DriftReport } from "@/lib/match/drift-report";

const SHOWN = 50;

/** The report with its paths given from the current directory, as `check` gives every path. */
export function driftFrom(dir: string, report: DriftReport): DriftReport {
  return {
    ...report,
    drift: report.drift.map((group) => ({ ...group, paths: group.paths.map((path) => join(dir, path)) })),
    staleNames: report.staleNames.map((stale) => ({ ...stale, path: join(dir, stale.path) })),
    orphans: report.orphans.map((orphan) => ({
      ...orphan,
      paths: orphan.paths.map((path) => join(dir, path)),
    })),
  };
}

function more(count: number): string[] {
  return count > SHOWN ? [`          … and ${count - SHOWN} more (--json lists all)`] : [];
}

/** `check --drift` as text: drift groups, stale names, orphans. */
export function renderDrift(report: DriftReport): string {
  const lines: string[] = [];
  lines.push(
    `  ${String(report.drift.length).padStart(6)}  drift groups (recordings of one test equal once volatile ids are masked: at most one can replay)`,
  );
  for (const group of report.drift.slice(0, SHOWN)) {
    lines.push(`          ${group.test}`, `            fields: ${group.fields.join(", ")}`);
    for (const path of group.paths) lines.push(`            ${path}`);
  }
  lines.push(...more(report.drift.length));
  lines.push(
    `  ${String(report.staleNames.length).padStart(6)}  stale names (the file name is not the hash of its request)`,
  );
  for (const stale of report.staleNames.slice(0, SHOWN)) {
    lines.push(`          ${stale.path}: content hashes to ${stale.contentHash?.slice(0, 12) ?? "?"}…`);
  }
  lines.push(...more(report.staleNames.length));
  if (report.testsChecked === 0) {
    lines.push("       -  orphans not checked (the checkout's test sources are not present)");
  } else {
    lines.push(
      `  ${String(report.orphans.length).padStart(6)}  orphans (the test function no longer exists; ${report.testsChecked} tests checked)`,
    );
    for (const orphan of report.orphans.slice(0, SHOWN)) {
      lines.push(
        `          ${orphan.test} (${orphan.missing === "file" ? "test file gone" : "function gone"}): ${orphan.paths.length} recording${orphan.paths.length === 1 ? "" : "s"}`,
      );
    }
    lines.push(...more(report.orphans.length));
  }
  return lines.join("\n");
}
