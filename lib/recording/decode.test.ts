import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lineColumn } from "@/lib/containers/llama-stack";
import { decodeText } from "./decode";

function broken(name: string): string {
  return readFileSync(new URL(`./fixtures/broken/${name}`, import.meta.url), "utf8");
}

describe("decodeText on broken files", () => {
  it("reports truncated JSON with the line and column where it ends", () => {
    const decoded = decodeText(broken("truncated.json"));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("invalid-json");
    expect(decoded.reason).toBe("invalid JSON at line 13, column 1: CloseBraceExpected");
    expect(decoded.raw).toBeUndefined();
  });

  it("reports valid JSON that is not a recording", () => {
    const decoded = decodeText(broken("not-a-recording.json"));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("not-a-recording");
    expect(decoded.reason).toMatch(/^valid JSON but not a recording: request: /);
    expect(decoded.raw).toMatchObject({ name: "left-pad" });
  });

  it("opens a recording with an unknown __type__ with the generic decoder and says why", () => {
    const decoded = decodeText(broken("unknown-type.json"));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.file.interactions[0]!.exchange.family).toBe("generic");
    expect(decoded.file.interactions[0]!.exchange.notes[0]).toBe(
      'unknown __type__ "acme.types.rerank.RerankResponse" (no decoder for this class)',
    );
    expect(decoded.file.interactions[0]!.exchange.model).toBe("acme/rerank-1");
    expect(decoded.file.interactions[0]!.exchange.response.type).toBe("unknown");
  });

  it("names the JSON path of a malformed stream chunk", () => {
    const decoded = decodeText(broken("malformed-chunk.json"));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toContain("response.body[2].__data__.choices");
  });

  it("reports an empty file", () => {
    // Written here: an empty fixture file would equal every empty file anywhere.
    const decoded = decodeText("");
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("empty");
  });
});

describe("lineColumn", () => {
  it("counts lines and columns from 1", () => {
    expect(lineColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn("ab\n", 3)).toEqual({ line: 2, column: 1 });
  });
});
