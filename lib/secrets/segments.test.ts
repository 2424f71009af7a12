import { describe, expect, it } from "vitest";
import { walkBody, type Segment } from "./segments";

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
});
