import type { RecordingSummary } from "./summary-schema";

export interface TestGroup {
  /** The test without its parametrization, or null for recordings without a test id. */
  base: string | null;
  label: string;
  items: RecordingSummary[];
}

export interface FileGroup {
  file: string;
  tests: TestGroup[];
}

/** Groups a page of summaries by test file, then by test, keeping their order of first appearance. */
export function groupByTest(items: readonly RecordingSummary[]): FileGroup[] {
  const files = new Map<string, Map<string, TestGroup>>();
  for (const item of items) {
    const file = item.test?.file ?? `${item.suite} (no test id)`;
    let tests = files.get(file);
    if (!tests) {
      tests = new Map();
      files.set(file, tests);
    }
    const base = item.test?.base ?? null;
    const key = base ?? "";
    let group = tests.get(key);
    if (!group) {
      const label = item.test
        ? [item.test.className, item.test.functionName].filter(Boolean).join("::")
        : "recordings without a test id";
      group = { base, label, items: [] };
      tests.set(key, group);
    }
    group.items.push(item);
  }
  return [...files.entries()].map(([file, tests]) => ({ file, tests: [...tests.values()] }));
}
