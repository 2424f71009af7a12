import type { RecordingIndex } from "./recording-index";
import type { RecordingSummary } from "./summary-schema";
import { parseTestId, type ParsedTestId } from "./test-id";

export interface Parametrization {
  testId: string;
  params: string | null;
  provider: string | null;
  model: string | null;
  recordings: RecordingSummary[];
}

export interface TestRecordings {
  test: ParsedTestId;
  /** The parametrization asked for (null when the id named the test without parameters). */
  selected: Parametrization | null;
  /** Every other parametrization of the same test. */
  others: Parametrization[];
}

/** Every recording of one test id, and the same test's other parametrizations. */
export function testRecordings(index: RecordingIndex, id: string): TestRecordings | null {
  const asked = parseTestId(id);
  const byId = new Map<string, RecordingSummary[]>();
  for (const summary of index.list()) {
    if (!summary.test || !summary.testId || summary.test.base !== asked.base) continue;
    const list = byId.get(summary.testId) ?? [];
    list.push(summary);
    byId.set(summary.testId, list);
  }
  if (byId.size === 0) return null;
  const parametrizations = [...byId.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([testId, recordings]): Parametrization => {
      const test = recordings[0]?.test ?? parseTestId(testId);
      return { testId, params: test.params, provider: test.provider, model: test.model, recordings };
    });
  const selected = parametrizations.find((p) => p.testId === id) ?? null;
  return { test: asked, selected, others: parametrizations.filter((p) => p !== selected) };
}
