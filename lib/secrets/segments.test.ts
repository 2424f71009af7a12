import { describe, expect, it } from "vitest";
import { walkBody, type Segment, type WalkedStrings } from "./segments";

describe("walkBody", () => {
  it("leaves out a 30 MB run of base64 without overflowing the stack, and keeps the text around it", () => {
    const run = "QUJD".repeat(7_500_000);
    const segments: Segment[] = [];
    walkBody(
      `before ${run} after`,
      { interaction: 0, where: "response body", path: "$", key: null, depth: 0 },
      (segment) => segments.push(segment),
    );
    expect(segments.map((segment) => (segment.kind === "text" ? segment.text : segment.kind))).toEqual([
      "before   after",
    ]);
  });

  it("walks a string met again under the same key once: its first place stands for it", () => {
    const chunk = (i: number, note: string) => ({ id: "chatcmpl-abc123", index: i, note, meta: { note } });
    const segments: Segment[] = [];
    const seen: WalkedStrings = new Map();
    [chunk(0, "a long note"), chunk(1, "a long note"), chunk(2, "another note")].forEach((value, i) =>
      walkBody(
        value,
        { interaction: 3, where: `response chunk ${i}`, path: "$", key: null, depth: 0 },
        (segment) => segments.push(segment),
        seen,
      ),
    );
    expect(segments.map((s) => (s.kind === "text" ? [s.location, s.key, s.text] : s.kind))).toEqual([
      ["response chunk 0 $.id", "id", "chatcmpl-abc123"],
      ["response chunk 0 $.note", "note", "a long note"],
      ["response chunk 2 $.note", "note", "another note"],
    ]);
    // Under another key it is walked again (a rule may read the key).
    walkBody(
      { token: "a long note" },
      { interaction: 3, where: "response chunk 3", path: "$", key: null, depth: 0 },
      (segment) => segments.push(segment),
      seen,
    );
    expect(segments.at(-1)).toMatchObject({ location: "response chunk 3 $.token", key: "token" });
  });
});
