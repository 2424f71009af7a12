import type { RecordingSummary } from "./summary-schema";

export type FacetName = "suite" | "family" | "kind" | "provider" | "model";

export interface Facets {
  total: number;
  counts: Record<FacetName, [string, number][]>;
  streaming: number;
  notStreaming: number;
  errors: number;
  broken: RecordingSummary[];
}

const FACETS: FacetName[] = ["suite", "family", "kind", "provider", "model"];

/** Counts by suite, family, kind, provider and model (most first), streams, errors and broken files. */
export function countFacets(summaries: readonly RecordingSummary[]): Facets {
  const maps: Record<FacetName, Map<string, number>> = {
    suite: new Map(),
    family: new Map(),
    kind: new Map(),
    provider: new Map(),
    model: new Map(),
  };
  let streaming = 0;
  let errors = 0;
  const broken: RecordingSummary[] = [];
  for (const summary of summaries) {
    for (const name of FACETS) {
      const value = summary[name];
      if (value === null) continue;
      const map = maps[name];
      map.set(value, (map.get(value) ?? 0) + 1);
    }
    if (summary.streaming) streaming++;
    if (summary.error !== null) errors++;
    if (summary.broken !== null) broken.push(summary);
  }
  const sorted = (map: Map<string, number>) =>
    [...map.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return {
    total: summaries.length,
    counts: {
      suite: sorted(maps.suite),
      family: sorted(maps.family),
      kind: sorted(maps.kind),
      provider: sorted(maps.provider),
      model: sorted(maps.model),
    },
    streaming,
    notStreaming: summaries.length - streaming,
    errors,
    broken,
  };
}
