import { describe, expect, it } from "vitest";
import { groupByTest } from "./group";
import type { RecordingSummary } from "./summary-schema";
import { summaryOf } from "./testing/summary-builder";
import { parseTestId } from "./test-id";

function summary(relPath: string, testId: string | null, suite = "inference"): RecordingSummary {
  return summaryOf(relPath, { suite, testId, test: testId === null ? null : parseTestId(testId, "m") });
}

describe("groupByTest", () => {
  it("groups by test file, then by test without parameters, in order of first appearance", () => {
    const items = [
      summary("1.json", "tests/b.py::TestB::test_one[txt=ollama/m]"),
      summary("2.json", "tests/a.py::test_two[txt=ollama/m]"),
      summary("3.json", "tests/b.py::TestB::test_one[txt=openai/m]"),
      summary("4.json", null),
      summary("5.json", "tests/b.py::test_three"),
      summary("6.json", "tests/a.py::test_two[txt=openai/m]"),
      summary("7.json", null, "agents"),
      summary("8.json", null),
    ];
    const groups = groupByTest(items);
    expect(
      groups.map((file) => ({
        file: file.file,
        tests: file.tests.map((test) => ({
          base: test.base,
          label: test.label,
          items: test.items.map((item) => item.relPath),
        })),
      })),
    ).toEqual([
      {
        file: "tests/b.py",
        tests: [
          { base: "tests/b.py::TestB::test_one", label: "TestB::test_one", items: ["1.json", "3.json"] },
          { base: "tests/b.py::test_three", label: "test_three", items: ["5.json"] },
        ],
      },
      {
        file: "tests/a.py",
        tests: [{ base: "tests/a.py::test_two", label: "test_two", items: ["2.json", "6.json"] }],
      },
      {
        file: "inference (no test id)",
        tests: [{ base: null, label: "recordings without a test id", items: ["4.json", "8.json"] }],
      },
      {
        file: "agents (no test id)",
        tests: [{ base: null, label: "recordings without a test id", items: ["7.json"] }],
      },
    ]);
  });

  it("returns no groups for no items", () => {
    expect(groupByTest([])).toEqual([]);
  });
});
