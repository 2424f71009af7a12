import { describe, expect, it } from "vitest";
import { compareFiles } from "@/lib/diff/compare-files";
import { vcrpyText } from "@/lib/diff/fixtures/cassettes";
import { decodeText } from "@/lib/recording/decode";
import { pageSide } from "./load-pair";

const PATH = "tests/cassettes/test_chat/test_capitals.yaml";
const loaded = (text: string) => ({ label: PATH, text, decoded: decodeText(text, PATH) });
const EMPTY = loaded("interactions: []\nversion: 1\n");
const TWO = loaded(
  vcrpyText([{ prompt: "What is the capital of France?" }, { prompt: "What is the capital of Italy?" }]),
);

describe("pageSide", () => {
  it("keeps a cassette that holds no call as a side, so its pairs list shows every call of the other", () => {
    const a = pageSide(PATH, EMPTY, null);
    const b = pageSide(PATH, TWO, null);
    if (a.status !== "ok" || b.status !== "ok") throw new Error("a side is not usable");
    expect(a.side).toBeNull();
    expect(b.side?.exchange.request.messages.map((m) => m.parts)).toEqual([
      [{ type: "text", text: "What is the capital of France?" }],
    ]);
    expect(compareFiles(a.file, b.file).pairs.map((p) => [p.a, p.b, p.verdict])).toEqual([
      [null, 0, "added"],
      [null, 1, "added"],
    ]);
  });

  it("opens the interaction asked for, and says how many there are when it is not there", () => {
    const second = pageSide(PATH, TWO, 1);
    if (second.status !== "ok") throw new Error("the second call is not usable");
    expect(second.side?.exchange.request.messages.map((m) => m.parts)).toEqual([
      [{ type: "text", text: "What is the capital of Italy?" }],
    ]);
    expect(pageSide(PATH, TWO, 2)).toEqual({
      status: "problem",
      source: PATH,
      message: "the file holds 2 interactions; there is no interaction 2",
    });
    expect(pageSide(PATH, EMPTY, 0)).toMatchObject({
      status: "problem",
      message: "the file holds 0 interactions; there is no interaction 0",
    });
  });

  it("calls a file that does not decode broken", () => {
    expect(pageSide(PATH, loaded("interactions: [oops"), null).status).toBe("broken");
  });
});
