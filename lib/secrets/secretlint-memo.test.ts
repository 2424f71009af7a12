import { afterEach, describe, expect, it, vi } from "vitest";
import { SecretlintMemo } from "./secretlint-memo";
import * as run from "./secretlint-run";
import { FAKE } from "./testing/fake-credentials";

const lintLines = vi.spyOn(run, "lintLines");

afterEach(() => {
  lintLines.mockClear();
});

describe("SecretlintMemo", () => {
  it("lints the new lines of readers that ask together in one run, each line once", async () => {
    const memo = new SecretlintMemo();
    const [first, second] = await Promise.all([
      memo.answers([`key ${FAKE.openai}`, "shared line"]),
      memo.answers(["shared line", "only the second's"]),
    ]);
    expect(lintLines).toHaveBeenCalledTimes(1);
    expect(lintLines.mock.calls[0]?.[0]).toEqual([`key ${FAKE.openai}`, "shared line", "only the second's"]);
    expect(first.get(`key ${FAKE.openai}`)).toEqual([{ rule: "openai", value: FAKE.openai }]);
    expect(first.get("shared line")).toEqual([]);
    expect(second.get("shared line")).toEqual([]);
    expect(second.get("only the second's")).toEqual([]);
    expect(memo.size).toBe(3);
    // Known lines are answered without a run.
    await memo.answers(["shared line"]);
    expect(lintLines).toHaveBeenCalledTimes(1);
  });

  it("waits for a line another reader's run is linting instead of linting it again", async () => {
    const memo = new SecretlintMemo();
    const early = memo.answers(["in flight"]);
    memo.lintNow();
    const late = await memo.answers(["in flight", "new"]);
    expect((await early).get("in flight")).toEqual([]);
    expect(late.get("in flight")).toEqual([]);
    expect(lintLines.mock.calls.map((call) => call[0])).toEqual([["in flight"], ["new"]]);
  });

  it("runs a batch as soon as it holds enough text, without waiting for the next turn", async () => {
    const memo = new SecretlintMemo();
    const long = "x".repeat(300 * 1024);
    const answering = memo.answers([long]);
    expect(lintLines).toHaveBeenCalledTimes(1);
    expect((await answering).get(long)).toEqual([]);
    // A line that long is answered but not kept.
    expect(memo.size).toBe(0);
  });

  it("fails every reader of a run that fails, and lints their lines again when asked again", async () => {
    const memo = new SecretlintMemo();
    lintLines.mockRejectedValueOnce(new Error("preset broke"));
    const both = [memo.answers(["a line"]), memo.answers(["a line", "another"])];
    await expect(both[0]).rejects.toThrow("preset broke");
    await expect(both[1]).rejects.toThrow("preset broke");
    expect((await memo.answers(["a line"])).get("a line")).toEqual([]);
    expect(lintLines).toHaveBeenCalledTimes(2);
  });
});
