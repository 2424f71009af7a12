import { describe, expect, it } from "vitest";
import type { AssembledMessage } from "@/lib/model/exchange";
import { toMessageView } from "./message-view";
import { MAX_SHOWN_TEXT, rowText, shownText } from "./shown-text";

describe("shownText", () => {
  it("keeps a text the page can carry, and cuts a longer one with a note", () => {
    expect(shownText("short")).toBe("short");
    const long = "x".repeat(MAX_SHOWN_TEXT + 1234);
    const shown = shownText(long);
    expect(shown.startsWith("x".repeat(MAX_SHOWN_TEXT))).toBe(true);
    expect(shown.endsWith("… 1,234 more characters (the raw view has the whole text)")).toBe(true);
    expect(rowText("y".repeat(1000))).toHaveLength(301);
  });

  it("is what a 30 MB reply becomes in the message view", () => {
    const message: AssembledMessage = {
      index: 0,
      role: "assistant",
      content: "z".repeat(30 * 1024 * 1024),
      reasoning: "",
      toolCalls: [],
      finishReason: "stop",
    };
    expect(toMessageView(message).content.length).toBeLessThan(MAX_SHOWN_TEXT + 100);
  });
});
