import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@/lib/model/limits";
import { doubleQuotedBytes, escapedByteStrings } from "./yaml-byte-strings";
import { loadYaml } from "./yaml";

function hex(bytes: Uint8Array | null | undefined): string | null {
  return bytes ? Buffer.from(bytes).toString("hex") : null;
}

describe("doubleQuotedBytes", () => {
  it("reads \\xNN as a byte and every other character or escape as UTF-8", () => {
    expect(hex(doubleQuotedBytes(String.raw`\xff\0A\t\"\\é\u00e9\xe9\N\U0001F600`))).toBe(
      "ff00410922" + "5c" + "c3a9" + "c3a9" + "e9" + "c285" + "f09f9880",
    );
  });

  it("is null without a byte above 0x7f, across lines, or on an unknown escape", () => {
    expect(doubleQuotedBytes(String.raw`plain \x41 text`)).toBeNull();
    expect(doubleQuotedBytes(String.raw`\\xff is a backslash and text`)).toBeNull();
    expect(doubleQuotedBytes("\\xff\n  folded")).toBeNull();
    expect(doubleQuotedBytes(String.raw`\xff\q`)).toBeNull();
    expect(doubleQuotedBytes(String.raw`\xf`)).toBeNull();
  });
});

describe("escapedByteStrings", () => {
  it("maps each loaded byte string to its bytes, leaving text alone", () => {
    const text = [
      "a:",
      String.raw`  body: "\xff\xd8é"`,
      String.raw`  text: "caf\u00e9 \\xff"`,
      "  plain: '\\xff'",
    ].join("\n");
    const loaded = loadYaml(text, DEFAULT_LIMITS);
    const found = escapedByteStrings(text, DEFAULT_LIMITS);
    expect([...found.keys()]).toEqual(["\u00ff\u00d8é"]);
    expect(hex(found.get("\u00ff\u00d8é"))).toBe("ffd8c3a9");
    expect(loaded).toEqual({ a: { body: "\u00ff\u00d8é", text: "café \\xff", plain: "\\xff" } });
  });

  it("costs nothing on a file without byte escapes", () => {
    expect(escapedByteStrings('a: "text"\n', DEFAULT_LIMITS).size).toBe(0);
  });
});
