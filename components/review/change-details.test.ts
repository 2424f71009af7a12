import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { sampleChange } from "@/lib/review/fixtures/sample-review";
import { ChangeDetails } from "./change-details";

const render = (change: Parameters<typeof ChangeDetails>[0]["change"]) =>
  renderToStaticMarkup(createElement(ChangeDetails, { change }));

describe("ChangeDetails (rendered when a card is opened)", () => {
  it("lists a cassette's interaction pairs with their verdicts, then the changed fields", () => {
    const html = render(
      sampleChange({
        path: "tests/cassettes/test_chat/test_capitals.yaml",
        interactions: [
          { a: 0, b: 0, verdict: "noise", summary: "noise only: 3 volatile fields" },
          { a: null, b: 1, verdict: "added", summary: "a new interaction" },
        ],
        text: null,
        request: [
          { path: "b#1 request.body.model", kind: "changed", before: "gemma4:e2b", after: "qwen3.5:2b" },
        ],
        response: [],
      }),
    );
    const pairs = [...html.matchAll(/<li data-verdict="(\w+)"[^>]*>(.*?)<\/li>/g)].map(
      ([, verdict, inner]) => [verdict, inner?.replace(/<[^>]+>/g, "")],
    );
    expect(pairs).toEqual([
      ["noise", "noisea #0 · b #0noise only: 3 volatile fields"],
      ["added", "addeda #– · b #1a new interaction"],
    ]);
    expect(html).toContain('aria-label="Interaction pairs"');
    expect(html).toContain(">b#1 request.body.model</td>");
    expect(html).toContain(">gemma4:e2b</td>");
  });

  it("shows the reply text as a word diff, as text", () => {
    const html = render(sampleChange({ text: { before: "Roses <b>red</b>", after: "Roses <b>blue</b>" } }));
    expect(html).toContain('aria-label="Reply text, word diff"');
    expect(html).toContain("&lt;b&gt;");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("Interaction pairs");
  });
});
