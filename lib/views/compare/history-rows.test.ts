import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/diff/history";
import { historyRows } from "./history-rows";

const entry = (commit: string, path: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  commit: commit.repeat(40).slice(0, 40),
  date: "2025-10-04T10:00:00+00:00",
  author: "Recorder",
  subject: `commit ${commit}`,
  path,
  change: "modified",
  verdict: "response",
  summary: "response: …",
  pairedBy: null,
  ...extra,
});

describe("historyRows", () => {
  it("links each version to the one before, with root-relative paths at each commit", () => {
    const rows = historyRows(
      [
        entry("c", "recordings/t/new.json", { change: "renamed", pairedBy: "git", verdict: "request" }),
        entry("b", "recordings/t/old.json"),
        entry("a", "recordings/t/old.json", { change: "added", verdict: null, summary: "first version" }),
      ],
      "recordings/",
      "t/new.json",
    );
    expect(rows.map((row) => [row.short, row.date, row.otherPath, row.source, row.previousHref])).toEqual([
      [
        "ccccccc",
        "2025-10-04",
        null,
        `${"c".repeat(40)}:t/new.json`,
        `/compare?a=${"b".repeat(40)}:t/old.json&b=${"c".repeat(40)}:t/new.json`,
      ],
      [
        "bbbbbbb",
        "2025-10-04",
        "t/old.json",
        `${"b".repeat(40)}:t/old.json`,
        `/compare?a=${"a".repeat(40)}:t/old.json&b=${"b".repeat(40)}:t/old.json`,
      ],
      ["aaaaaaa", "2025-10-04", "t/old.json", `${"a".repeat(40)}:t/old.json`, null],
    ]);
  });

  it("gives no links for a version outside the root", () => {
    const rows = historyRows(
      [entry("b", "recordings/t/a.json"), entry("a", "elsewhere/a.json")],
      "recordings/",
      "t/a.json",
    );
    expect(rows.map((row) => [row.otherPath, row.source === null, row.previousHref])).toEqual([
      [null, false, null],
      ["elsewhere/a.json", true, null],
    ]);
  });
});
