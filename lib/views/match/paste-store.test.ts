import { describe, expect, it } from "vitest";
import { keepPaste, pasteById } from "./paste-store";

describe("the paste store", () => {
  it("names a paste by its content and gives it back", () => {
    const paste = { text: '{"method": "POST"}', test: "t::a", url: "", method: "" };
    const id = keepPaste(paste);
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(keepPaste({ ...paste })).toBe(id);
    expect(keepPaste({ ...paste, test: "t::b" })).not.toBe(id);
    expect(pasteById(id)).toEqual(paste);
  });

  it("refuses ids of another shape", () => {
    expect(pasteById("../etc/passwd")).toBeUndefined();
    expect(pasteById("0123456789abcdef01234567")).toBeUndefined();
  });
});
