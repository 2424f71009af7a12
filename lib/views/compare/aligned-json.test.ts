import { describe, expect, it } from "vitest";
import { alignForLineDiff } from "./aligned-json";

describe("alignForLineDiff", () => {
  const before = {
    test_id: "t1",
    request: { url: "http://a:1/v1/chat", body: { model: "m", temperature: 0 } },
    response: { body: [{ id: "rec-1", created: 0, text: "hi" }] },
  };

  it("orders keys as the first side does", () => {
    const after = {
      response: before.response,
      request: { body: { temperature: 0, model: "m" }, url: "http://a:1/v1/chat" },
      test_id: "t1",
    };
    expect(JSON.stringify(alignForLineDiff(before, after, false))).toBe(JSON.stringify(before));
  });

  it("puts noise back to its first value when noise is hidden", () => {
    const after = {
      test_id: "t2",
      request: { url: "http://b:2/v1/chat", body: { model: "m", temperature: 0 } },
      response: { body: [{ id: "rec-2", created: 99, text: "hello", system_fingerprint: "fp_x" }] },
    };
    expect(alignForLineDiff(before, after, true)).toEqual({
      test_id: "t1",
      request: { url: "http://a:1/v1/chat", body: { model: "m", temperature: 0 } },
      response: { body: [{ id: "rec-1", created: 0, text: "hello" }] },
    });
    expect(alignForLineDiff(before, after, false)).toEqual(after);
  });

  it("keeps real changes, additions and removals", () => {
    const after = {
      test_id: "t1",
      request: { url: "http://a:1/v2/chat", body: { model: "m2" } },
      response: before.response,
    };
    expect(alignForLineDiff(before, after, true)).toEqual(after);
  });

  it("handles values of different shapes", () => {
    expect(alignForLineDiff({ a: [1, 2] }, { a: { x: 1 } }, true)).toEqual({ a: { x: 1 } });
    expect(alignForLineDiff([1, 2, 3], [1], true)).toEqual([1]);
    expect(alignForLineDiff(null, "x", true)).toBe("x");
  });
});
