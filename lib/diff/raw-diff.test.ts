import fc from "fast-check";
import microdiff from "microdiff";
import { describe, expect, it } from "vitest";
import { formatPath } from "./change";
import { noiseRule } from "./noise";
import { rawDiff } from "./raw-diff";

describe("rawDiff", () => {
  it("lists each difference once, in the order of the keys, and sorts it by where it lies", () => {
    const before = {
      request: { model: "a", messages: [{ content: "hi" }, { content: "old" }], gone: 1 },
      response: { id: "chatcmpl-1", created: 1, choices: [{ text: "x" }] },
      top: true,
    };
    const after = {
      request: { model: "b", messages: [{ content: "hi" }, { content: "new" }, { content: "more" }] },
      response: { id: "chatcmpl-2", created: 2, choices: [{ text: "y" }], extra: null },
      top: "yes",
    };
    const diff = rawDiff(before, after, "cassette");
    expect(diff.request).toEqual([
      { path: "request.model", kind: "changed", before: "a", after: "b" },
      { path: "request.messages[1].content", kind: "changed", before: "old", after: "new" },
      { path: "request.messages[2]", kind: "added", before: undefined, after: { content: "more" } },
      { path: "request.gone", kind: "removed", before: 1, after: undefined },
    ]);
    expect(diff.response).toEqual([
      { path: "response.choices[0].text", kind: "changed", before: "x", after: "y" },
      { path: "response.extra", kind: "added", before: undefined, after: null },
    ]);
    expect(diff.other).toEqual([{ path: "top", kind: "changed", before: true, after: "yes" }]);
    expect(diff.noise.map((change) => [change.path, change.rule])).toEqual([
      ["response.id", "provider-id"],
      ["response.created", "timestamp"],
    ]);
  });

  it("spells keys that are not plain names in brackets, and walks arrays by index", () => {
    const diff = rawDiff(
      { response: { "a b": [1, { "x.y": 1 }] } },
      { response: { "a b": [2, { "x.y": 2 }] } },
    );
    expect(diff.response.map((change) => change.path)).toEqual([
      'response["a b"][0]',
      'response["a b"][1]["x.y"]',
    ]);
  });

  it("compares dates by value, and an array with an object as a changed value", () => {
    const diff = rawDiff(
      { response: { at: new Date(0), same: new Date(5), shape: [1] } },
      { response: { at: new Date(1), same: new Date(5), shape: { 0: 1 } } },
    );
    expect(diff.response.map((change) => change.path)).toEqual(["response.at", "response.shape"]);
  });

  it("reports a key the other side lacks even when objects inherit that name (toString, constructor)", () => {
    const diff = rawDiff({ response: { toString: "a", constructor: 1 } }, { response: {} });
    expect(diff.response.map((change) => [change.path, change.kind])).toEqual([
      ["response.toString", "removed"],
      ["response.constructor", "removed"],
    ]);
  });

  it("compares two values that are not objects as one change at the top", () => {
    expect(rawDiff("a", "b").other).toEqual([{ path: "", kind: "changed", before: "a", after: "b" }]);
    expect(rawDiff(1, 1).other).toEqual([]);
  });

  it("finds what microdiff finds, at the same paths, on random JSON", () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(json, json, (a, b) => {
        // Keys objects inherit are the one place the two differ (see the test above).
        fc.pre(!INHERITED.test(JSON.stringify([a, b])));
        const before = { response: a };
        const after = { response: b };
        const diff = rawDiff(before, after, "cassette");
        const found = [...diff.request, ...diff.response, ...diff.other, ...diff.noise];
        const expected = microdiff(before, after).map((d) => ({
          path: formatPath(d.path),
          kind: d.type === "CREATE" ? "added" : d.type === "REMOVE" ? "removed" : "changed",
          rule:
            noiseRule(
              d.path,
              d.type === "CREATE" ? undefined : d.oldValue,
              d.type === "REMOVE" ? undefined : d.value,
              "cassette",
            ) ?? undefined,
        }));
        expect(found.map(({ path, kind, rule }) => ({ path, kind, rule })).sort(byPath)).toEqual(
          expected.sort(byPath),
        );
      }),
      { numRuns: 300 },
    );
  });
});

const INHERITED = new RegExp(`"(${Object.getOwnPropertyNames(Object.prototype).join("|")})":`);

function byPath(a: { path: string; kind: string }, b: { path: string; kind: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}
