import type { ReadLimits } from "@/lib/model/limits";
import type { CatalogEntry } from "./catalog-entry";
import { findDrift, findStaleNames, type DriftGroup, type StaleName } from "./drift";
import { findOrphans, type Orphan } from "./orphans";
import { RequestCatalog } from "./request-catalog";

/** What `check --drift` and the overview report about recordings that will miss. */
export interface DriftReport {
  drift: DriftGroup[];
  staleNames: StaleName[];
  orphans: Orphan[];
  /** Test functions whose sources were found (0: the checkout's tests are absent, nothing was checked). */
  testsChecked: number;
}

/** The report over a catalog's entries; paths are from `root`. */
export function driftReportOf(root: string, entries: readonly CatalogEntry[]): DriftReport {
  const { orphans, checked } = findOrphans(root, entries);
  return { drift: findDrift(entries), staleNames: findStaleNames(entries), orphans, testsChecked: checked };
}

/** The report for a directory (the command line), through the cached request catalog. */
export async function driftReport(dir: string, limits: ReadLimits): Promise<DriftReport> {
  const catalog = await RequestCatalog.openDirectory(dir, { limits });
  return driftReportOf(catalog.root, catalog.entries());
}

/** Whether the report has anything `--strict` fails on. */
export function hasDrift(report: DriftReport): boolean {
  return report.drift.length > 0 || report.staleNames.length > 0 || report.orphans.length > 0;
}
