import { describe, expect, it } from "vitest";
import { compareFiles } from "./compare-files";
import { vcrpySide, type Call } from "./fixtures/cassettes";
import { pairInteractions } from "./interaction-pairing";

const paris: Call = { prompt: "What is the capital of France?", reply: "Paris." };
const rome: Call = { prompt: "Which city is the capital of Italy?", reply: "Rome." };
const tokyo: Call = { prompt: "Name the capital city of Japan, please.", reply: "Tokyo." };
const models: Call = { method: "GET", url: "https://api.openai.com/v1/models", prompt: "" };

function pairs(a: Call[], b: Call[]) {
  return pairInteractions(vcrpySide(a).file.interactions, vcrpySide(b).file.interactions);
}

describe("pairInteractions", () => {
  it("pairs the same calls in order", () => {
    expect(pairs([paris, rome, tokyo], [paris, rome, tokyo])).toEqual([
      { a: 0, b: 0 },
      { a: 1, b: 1 },
      { a: 2, b: 2 },
    ]);
  });

  it("an inserted call is added and does not misalign the rest", () => {
    expect(pairs([paris, tokyo], [paris, rome, tokyo])).toEqual([
      { a: 0, b: 0 },
      { a: null, b: 1 },
      { a: 1, b: 2 },
    ]);
  });

  it("a dropped call is removed and does not misalign the rest", () => {
    expect(pairs([paris, rome, tokyo], [paris, tokyo])).toEqual([
      { a: 0, b: 0 },
      { a: 1, b: null },
      { a: 2, b: 1 },
    ]);
  });

  it("a reordered pair pairs each call with itself", () => {
    expect(pairs([paris, rome], [rome, paris])).toEqual([
      { a: 1, b: 0 },
      { a: 0, b: 1 },
    ]);
  });

  it("a cassette that grew from 1 to 3 calls keeps its call and adds two", () => {
    expect(pairs([rome], [paris, rome, tokyo])).toEqual([
      { a: null, b: 0 },
      { a: 0, b: 1 },
      { a: null, b: 2 },
    ]);
  });

  it("a call to another endpoint does not pair with a chat call when the chat call has its partner", () => {
    expect(pairs([paris, models], [models, paris])).toEqual([
      { a: 1, b: 0 },
      { a: 0, b: 1 },
    ]);
  });

  it("a changed prompt in the only call still pairs (a request change)", () => {
    expect(pairs([paris], [{ ...paris, prompt: "Tell me a joke about capybaras" }])).toEqual([
      { a: 0, b: 0 },
    ]);
  });
});

describe("compareFiles on cassettes", () => {
  it("gives each pair its verdict and the file the most serious", () => {
    const result = compareFiles(
      vcrpySide([paris, rome, tokyo]),
      vcrpySide([
        { ...paris, id: "chatcmpl-other", created: 1745399999 },
        { ...rome, reply: "Roma." },
      ]),
    );
    expect(result.cassette).toBe(true);
    expect(result.pairs.map((pair) => [pair.a, pair.b, pair.verdict])).toEqual([
      [0, 0, "noise"],
      [1, 1, "response"],
      [2, null, "removed"],
    ]);
    expect(result.verdict).toBe("response");
    expect(result.summary).toBe(
      "3 interactions: 1 response, 1 removed, 1 noise; #1 response: choices[0].content: Rome. → Roma.",
    );
  });

  it("an added interaction is more serious than a removed one, and less than a response change", () => {
    const added = compareFiles(vcrpySide([paris]), vcrpySide([paris, rome]));
    expect(added.verdict).toBe("added");
    expect(added.pairs.map((pair) => pair.verdict)).toEqual(["identical", "added"]);
  });

  it("identical cassettes are identical", () => {
    const result = compareFiles(vcrpySide([paris, rome]), vcrpySide([paris, rome]));
    expect(result.verdict).toBe("identical");
    expect(result.summary).toBe("2 interactions: 2 identical");
  });
});
