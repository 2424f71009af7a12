import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sideFromText } from "@/lib/diff/load-side";
import { metadataRows } from "./metadata-rows";

function exchange(name: string) {
  const text = readFileSync(new URL(`../../diff/fixtures/${name}.json`, import.meta.url), "utf8");
  const { side } = sideFromText(text);
  if (!side) throw new Error(name);
  return { text, exchange: side.exchange };
}

describe("metadataRows", () => {
  it("marks the rows that differ", () => {
    const rows = metadataRows(
      { source: "HEAD~1:r/chat-stream.json", ...exchange("chat-stream") },
      { source: "r/chat-stream.model.json", ...exchange("chat-stream.model") },
    );
    const differing = rows
      .filter((row) => row.differs && row.label !== "Size")
      .map((row) => [row.label, row.a, row.b]);
    expect(differing).toEqual([
      ["File name", "chat-stream.json", "chat-stream.model.json"],
      ["Revision", "HEAD~1", "working tree"],
      ["Model", "gpt-4o", "gpt-4o-mini"],
    ]);
    expect(rows.find((row) => row.label === "Test id")).toMatchObject({ differs: false });
    expect(rows.find((row) => row.label === "Chunks")).toMatchObject({ a: "6", b: "6", differs: false });
  });
});
