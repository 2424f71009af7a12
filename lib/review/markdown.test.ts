import { describe, expect, it } from "vitest";
import { sampleChange, sampleReview } from "./fixtures/sample-review";
import { MARKDOWN_LIMIT, REVIEW_MARKER, reviewMarkdown } from "./markdown";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("reviewMarkdown", () => {
  it("starts with the hidden marker and a title, then the summary tables and the groups", () => {
    const md = reviewMarkdown(sampleReview());
    const lines = md.split("\n");
    expect(lines[0]).toBe(REVIEW_MARKER);
    expect(lines[1]).toMatch(/^## .*Tapedeck review: 6 recordings changed, 5 to look at$/);
    expect(md).toContain("| 🟠 request | 2 |");
    expect(md).toContain("| 🟡 response | 1 |");
    expect(md).toContain("<details><summary>By suite (2)</summary>");
    expect(md).toMatch(/\| inference \| 5 \| 4 \| 2 request · 1 response · 1 added · 1 noise \|/);
    expect(md).toContain("### Repeated changes");
    expect(md).toContain("| 2 | request.body.model: llama3.2:3b → qwen3:0.6b |");
  });

  it("lists substantive changes first with their details, added and removed compactly, noise not at all", () => {
    const md = reviewMarkdown(sampleReview());
    const request = md.indexOf("m1.json");
    const response = md.indexOf("**🟡 response**");
    const added = md.indexOf("<summary>New recordings (1)</summary>");
    const removed = md.indexOf("<summary>Removed recordings (1)</summary>");
    expect(request).toBeGreaterThan(md.indexOf("### To look at (3)"));
    expect(response).toBeGreaterThan(request);
    expect(added).toBeGreaterThan(response);
    expect(removed).toBeGreaterThan(added);
    expect(md).not.toContain("n.json");
    expect(md).toContain(
      "renamed from `tests/integration/inference/recordings/m2-old.json` (paired by the same test id)",
    );
    expect(md).toContain("| request | `request.body.model` | llama3.2:3b | qwen3:0.6b |");
    expect(md).toContain("**Reply before**\n\n> Hello\n\n**Reply after**\n\n> Goodbye");
    const similar = reviewMarkdown(
      sampleReview([
        sampleChange({ text: { before: "Hello, Ada! How are you?", after: "Hello, Ada! How is it going?" } }),
      ]),
    );
    expect(similar).toContain(
      "> Hello, Ada! How <del>are</del><ins>is</ins> <del>you</del><ins>it going</ins>?",
    );
  });

  it("escapes recorded text so nothing can inject HTML, markdown structure or mentions", () => {
    const evil = "<script>alert(1)</script> **bold** @octocat fixes #12\n# Heading\n- item\n    code | pipe";
    const md = reviewMarkdown(
      sampleReview([
        sampleChange({
          summary: "response: <img src=x onerror=alert(1)>",
          testId: "tests/x.py::test[`<b>`]",
          response: [
            { path: "choices[0].finish_reason", kind: "changed", before: "<b>stop</b>", after: "length | x" },
          ],
          text: { before: "Nothing.", after: evil },
        }),
      ]),
    );
    expect(md).not.toMatch(/<script|<img|<b>stop/i);
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(md).toContain("\\*\\*bold\\*\\*");
    expect(md).toContain("@\u200boctocat");
    expect(md).toContain("#\u200b12");
    expect(md).toContain("> \\# Heading");
    expect(md).toContain("> \\- item");
    expect(md).toContain("&nbsp;&nbsp;&nbsp;&nbsp;code \\| pipe");
    expect(md).toContain(
      "| response | `choices[0].finish_reason` | &lt;b&gt;stop&lt;/b&gt; | length \\| x |",
    );
    expect(md).toContain("test ``tests/x.py::test[`<b>`]``");
  });

  it("stays under the size limit and says how many changes were left out", () => {
    const changes = Array.from({ length: 400 }, (_, i) =>
      sampleChange({
        path: `tests/integration/inference/recordings/${String(i).padStart(64, "0")}.json`,
        text: { before: `Old reply ${i} `.repeat(100), after: `New answer ${i} `.repeat(100) },
      }),
    );
    const md = reviewMarkdown(sampleReview(changes));
    expect(bytes(md)).toBeLessThan(MARKDOWN_LIMIT);
    expect(bytes(md)).toBeGreaterThan(MARKDOWN_LIMIT - 5_000);
    const shown = md.split("**🟡 response**").length - 1;
    expect(shown).toBeGreaterThan(5);
    expect(md).toContain(
      `_${400 - shown} more changes to look at left out to keep this comment under 60 KB: see the HTML report._`,
    );

    const small = reviewMarkdown(sampleReview(changes), { limit: 8_000 });
    expect(bytes(small)).toBeLessThan(8_000);
    expect(small).toMatch(/more changes to look at left out/);
  });

  it("links each change and the whole review to the dashboard with --link-base", () => {
    const review = sampleReview();
    review.base = "origin/main";
    review.head = "pr&1";
    const md = reviewMarkdown(review, { linkBase: "https://tapedeck.example/td" });
    expect(md).toContain(
      "[Open this review in the dashboard](<https://tapedeck.example/td/review?base=origin/main&head=pr%261>)",
    );
    expect(md).toContain(
      "[compare](<https://tapedeck.example/td/compare?a=origin/main:tests/integration/inference/recordings/m2-old.json&b=pr%261:tests/integration/inference/recordings/m2.json>)",
    );
    expect(reviewMarkdown(sampleReview())).not.toContain("](<http");
  });

  it("links the working tree by plain path and says when nothing changed", () => {
    const review = sampleReview([sampleChange()]);
    review.head = "working tree";
    const md = reviewMarkdown(review, { linkBase: "http://localhost:3000" });
    expect(md).toContain("→ the working tree");
    expect(md).toContain(
      "(<http://localhost:3000/compare?a=origin/main:tests/integration/inference/recordings/a.json&b=tests/integration/inference/recordings/a.json>)",
    );
    expect(md).toContain("(<http://localhost:3000/review?base=origin/main>)");
    expect(reviewMarkdown(sampleReview([]))).toContain("_No recording changed._");
  });
});
