import { driftReportOf, type DriftReport } from "@/lib/match/drift-report";
import type { RequestCatalog } from "@/lib/match/request-catalog";
import { recordingHref, testHref } from "@/lib/urls";
import { servedCatalog } from "./server-catalog";

export interface LinkedPath {
  path: string;
  href: string;
}

export type DriftPanelView =
  | { state: "pending" }
  | {
      state: "ready";
      drift: { test: string; testHref: string; fields: string[]; files: LinkedPath[] }[];
      staleNames: LinkedPath[];
      orphans: { test: string; missing: "file" | "function"; files: LinkedPath[] }[];
      /** 0 when the checkout's test sources are absent (orphans not checked). */
      testsChecked: number;
    };

/** How long the overview waits for a first read of the requests before saying they are on their way. */
const WAIT_MS = 1500;
/** Items listed per kind; the counts cover all. */
export const PANEL_LIMIT = 10;

const memo = new WeakMap<RequestCatalog, { version: number; report: DriftReport }>();

function reportOf(catalog: RequestCatalog): DriftReport {
  const known = memo.get(catalog);
  if (known?.version === catalog.version) return known.report;
  const report = driftReportOf(catalog.root, catalog.entries());
  memo.set(catalog, { version: catalog.version, report });
  return report;
}

const linked = (path: string): LinkedPath => ({ path, href: recordingHref(path) });

/**
 * The overview's panel of recordings that will miss: drift groups, stale names, orphans. The
 * first read of every request (no cache yet) can take seconds on a large root: the overview then
 * says so rather than wait, and the read goes on.
 */
export async function loadDriftPanel(): Promise<DriftPanelView> {
  const catalog = servedCatalog();
  const ready = await Promise.race([
    catalog,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_MS)),
  ]);
  if (ready === null) {
    catalog.catch(() => {
      // Reported by the next page that waits for it.
    });
    return { state: "pending" };
  }
  const report = reportOf(ready);
  return {
    state: "ready",
    drift: report.drift.map((group) => ({
      test: group.test,
      testHref: testHref(group.test),
      fields: group.fields,
      files: group.paths.map(linked),
    })),
    staleNames: report.staleNames.map((stale) => linked(stale.path)),
    orphans: report.orphans.map((orphan) => ({
      test: orphan.test,
      missing: orphan.missing,
      files: orphan.paths.map(linked),
    })),
    testsChecked: report.testsChecked,
  };
}
