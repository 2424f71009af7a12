import type { RecordingSummary } from "@/lib/index/summary-schema";

/** One parametrization of a test: its full id, its parameters, and its recordings. */
export interface TestParametrization {
  testId: string;
  params: string | null;
  recordings: number;
}

/** One test (every parametrization of it), as the /tests list shows it. */
export interface TestEntry {
  /** The id without parameters: `/tests?id=<base>` shows every parametrization. */
  base: string;
  file: string;
  name: string;
  parametrizations: TestParametrization[];
  recordings: number;
  /** The providers its recordings called, and those its parameters name, sorted. */
  providers: string[];
  /** Lower-case text the filter box searches: file, name, parameters, providers. */
  search: string;
}

export interface TestList {
  tests: TestEntry[];
  files: number;
  /** Recordings without a test id, which no test lists. */
  withoutTest: number;
}

/** Every test of the index, by file then name, each with its parametrizations, recordings and providers. */
export function listTests(summaries: readonly RecordingSummary[]): TestList {
  const tests = new Map<
    string,
    { entry: TestEntry; params: Map<string, TestParametrization>; providers: Set<string> }
  >();
  let withoutTest = 0;
  for (const summary of summaries) {
    const test = summary.test;
    if (!test || !summary.testId) {
      withoutTest++;
      continue;
    }
    let found = tests.get(test.base);
    if (!found) {
      const name = [test.className, test.functionName].filter(Boolean).join("::") || test.base;
      found = {
        entry: {
          base: test.base,
          file: test.file,
          name,
          parametrizations: [],
          recordings: 0,
          providers: [],
          search: "",
        },
        params: new Map(),
        providers: new Set(),
      };
      tests.set(test.base, found);
    }
    found.entry.recordings++;
    let parametrization = found.params.get(summary.testId);
    if (!parametrization) {
      parametrization = { testId: summary.testId, params: test.params, recordings: 0 };
      found.params.set(summary.testId, parametrization);
    }
    parametrization.recordings++;
    // Every call counts: a cassette's later calls may go to another provider than its first.
    const called = [summary.provider, ...summary.interactions.map((call) => call.provider)];
    for (const provider of [...called, test.provider]) {
      if (provider && provider !== "unknown") found.providers.add(provider);
    }
  }
  const entries = [...tests.values()].map(({ entry, params, providers }) => {
    const parametrizations = [...params.values()].sort((a, b) =>
      a.testId < b.testId ? -1 : a.testId > b.testId ? 1 : 0,
    );
    const sortedProviders = [...providers].sort();
    const search = [
      entry.file,
      entry.name,
      ...parametrizations.map((p) => p.params ?? ""),
      ...sortedProviders,
    ]
      .join("\n")
      .toLowerCase();
    return { ...entry, parametrizations, providers: sortedProviders, search };
  });
  entries.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return { tests: entries, files: new Set(entries.map((entry) => entry.file)).size, withoutTest };
}

/** The tests whose file, name, parameters or providers contain every word of `query`. */
export function filterTests(tests: readonly TestEntry[], query: string): TestEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tests];
  return tests.filter((test) => words.every((word) => test.search.includes(word)));
}
