import type { RecordingSummary } from "./summary-schema";

export type FacetName = "suite" | "format" | "family" | "kind" | "provider" | "model" | "host" | "status";

export interface Facets {
  /** Files. */
  total: number;
  /** Interactions in all files (a llama-stack recording is one). */
  interactions: number;
  /** Interactions by each facet, most first. */
  counts: Record<FacetName, [string, number][]>;
  /** Interactions that streamed, and that did not. */
  streaming: number;
  notStreaming: number;
  /** Interactions whose reply is an error. */
  errors: number;
  broken: RecordingSummary[];
}

export const FACETS: readonly FacetName[] = [
  "suite",
  "format",
  "family",
  "kind",
  "provider",
  "model",
  "host",
  "status",
];

/**
 * Counts interactions by suite, recorder, family, kind, provider, model, host and status (most
 * first), streams, errors, and the broken files.
 */
export function countFacets(summaries: readonly RecordingSummary[]): Facets {
  const maps = Object.fromEntries(FACETS.map((name) => [name, new Map<string, number>()])) as Record<
    FacetName,
    Map<string, number>
  >;
  const add = (name: FacetName, value: string | number | null) => {
    if (value === null) return;
    const key = String(value);
    const map = maps[name];
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  let interactions = 0;
  let streaming = 0;
  let errors = 0;
  const broken: RecordingSummary[] = [];
  for (const summary of summaries) {
    if (summary.broken !== null) broken.push(summary);
    for (const interaction of summary.interactions) {
      interactions++;
      add("suite", summary.suite);
      add("format", summary.format);
      add("family", interaction.family);
      add("kind", interaction.kind);
      add("provider", interaction.provider);
      add("model", interaction.model);
      add("host", interaction.host);
      add("status", interaction.status);
      if (interaction.streaming) streaming++;
      if (interaction.error !== null) errors++;
    }
  }
  const sorted = (map: Map<string, number>) =>
    [...map.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return {
    total: summaries.length,
    interactions,
    counts: Object.fromEntries(FACETS.map((name) => [name, sorted(maps[name])])) as Record<
      FacetName,
      [string, number][]
    >,
    streaming,
    notStreaming: interactions - streaming,
    errors,
    broken,
  };
}
