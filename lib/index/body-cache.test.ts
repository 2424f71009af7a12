import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/recording/decode";
import type { ReadRecording } from "@/lib/recording/read-recording";
import { chatRecording } from "@/lib/recording/testing/recording-builders";
import { BodyCache, decodedSize, worthKeeping } from "./body-cache";
import { manyCalls } from "./testing/many-calls";

function readOf(text: string, relPath = "recordings/a.json"): ReadRecording {
  return { size: text.length, mtimeMs: 1, text, decoded: decodeText(text, relPath) };
}

describe("decodedSize", () => {
  it("counts 3 bytes a character and 2,500 an interaction", () => {
    const text = chatRecording({ testId: "t::a", prompt: "Hi" }, "Hello");
    expect(decodedSize(readOf(text))).toBe(3 * text.length + 2500);
  });

  it("counts the text alone for a file that does not decode", () => {
    expect(decodedSize(readOf("{}"))).toBe(6);
  });
});

describe("worthKeeping", () => {
  it("keeps no small file: it decodes again quickly", () => {
    expect(worthKeeping(readOf(chatRecording({ testId: "t::a", prompt: "Hi" }, "Hello")))).toBe(false);
  });

  it("keeps a file of 10,000 interactions or more, not one of a single huge body", () => {
    expect(worthKeeping(readOf(manyCalls(10_000), "many.yaml"))).toBe(true);
    expect(worthKeeping(readOf(manyCalls(9_999), "many.yaml"))).toBe(false);
    const huge = chatRecording({ testId: "t::a", prompt: "x".repeat(12 * 1024 * 1024) }, "Hello");
    expect(worthKeeping(readOf(huge))).toBe(false);
  });
});

describe("BodyCache", () => {
  it("evicts by estimated memory", () => {
    const read = readOf(chatRecording({ testId: "t::a", prompt: "Hi" }, "Hello"));
    const cache = new BodyCache(decodedSize(read) * 2, decodedSize(read) * 2);
    cache.set("a", { indexed: read });
    cache.set("b", { indexed: read });
    cache.set("c", { indexed: read });
    expect(cache.keys().sort()).toEqual(["b", "c"]);
  });

  it("keeps a file slow to decode however many quick ones come after it", () => {
    const slow = readOf(manyCalls(10_000), "many.yaml");
    const quick = readOf(chatRecording({ testId: "t::a", prompt: "Hi" }, "Hello"));
    const cache = new BodyCache(decodedSize(quick) * 2, decodedSize(slow));
    cache.set("slow", { indexed: slow });
    for (const name of ["a", "b", "c", "d"]) cache.set(name, { indexed: quick });
    expect(cache.keys()).toEqual(["slow", "d", "c"]);
    expect(cache.get("slow")).toEqual({ indexed: slow });
  });
});
