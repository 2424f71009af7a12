import { describe, expect, it } from "vitest";
import { FAIL_ON, fails, mostSerious, type FailOn } from "./action-verdicts";

const counts = (present: string[]) =>
  Object.fromEntries(
    ["identical", "noise", "response", "request", "error", "added", "removed"].map((v) => [
      v,
      present.includes(v) ? 1 : 0,
    ]),
  );

describe("fail-on", () => {
  it("finds the most serious verdict present", () => {
    expect(mostSerious(counts([]))).toBeNull();
    expect(mostSerious(counts(["noise", "identical"]))).toBe("noise");
    expect(mostSerious(counts(["added", "removed", "response"]))).toBe("response");
    expect(mostSerious({ ...counts(["error"]), secret: 2 })).toBe("secret");
    expect(mostSerious({ "some-new-verdict": 3 })).toBeNull();
  });

  it("fails at the threshold and above it, never below", () => {
    const table: [string[], Record<FailOn, boolean>][] = [
      [
        ["noise", "added", "removed"],
        { secret: false, error: false, request: false, response: false, never: false },
      ],
      [["response"], { secret: false, error: false, request: false, response: true, never: false }],
      [["request", "noise"], { secret: false, error: false, request: true, response: true, never: false }],
      [["error"], { secret: false, error: true, request: true, response: true, never: false }],
    ];
    for (const [present, expected] of table) {
      for (const failOn of FAIL_ON) {
        expect(fails(counts(present), failOn), `${present.join(",")} fail-on ${failOn}`).toBe(
          expected[failOn],
        );
      }
    }
    expect(fails({ secret: 1 }, "secret")).toBe(true);
    expect(fails({ secret: 1 }, "never")).toBe(false);
  });
});
