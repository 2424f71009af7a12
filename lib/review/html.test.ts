import { describe, expect, it } from "vitest";
import { sampleChange, sampleReview } from "./fixtures/sample-review";
import { reviewHtml } from "./html";

/** Every URL the document loads or links to, from src, href and CSS url(). */
function urls(html: string): string[] {
  return [...html.matchAll(/(?:src|href)\s*=\s*"([^"]*)"|url\(([^)]*)\)/gi)].map((m) => m[1] ?? m[2] ?? "");
}

describe("reviewHtml", () => {
  it("is one self-contained document: inline style and script, nothing loaded from elsewhere", () => {
    const html = reviewHtml(sampleReview());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html).toMatch(/<script>[\s\S]*localStorage[\s\S]*<\/script>/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*rel="?stylesheet/i);
    expect(html).not.toMatch(/@import/);
    expect(urls(html)).toEqual([]);
  });

  it("links only to the dashboard, and only when given its address", () => {
    const html = reviewHtml(sampleReview(), { linkBase: "https://tapedeck.example" });
    const external = urls(html).filter((url) => /^https?:/i.test(url));
    expect(external.length).toBeGreaterThan(0);
    expect(external.every((url) => url.startsWith("https://tapedeck.example/"))).toBe(true);
    expect(html).toContain(
      'href="https://tapedeck.example/compare?a=origin/main:tests/integration/inference/recordings/m2-old.json&amp;b=feature:tests/integration/inference/recordings/m2.json"',
    );
    expect(html).toContain('href="https://tapedeck.example/review?base=origin/main&amp;head=feature"');
  });

  it("has the page's content: summary, suites, groups, every change with its verdict and filters", () => {
    const html = reviewHtml(sampleReview());
    expect(html).toContain('<ul class="tiles" aria-label="Changes by verdict">');
    expect(html).toMatch(/<strong>2<\/strong><span class="badge v-request">request<\/span>/);
    expect(html).toContain('<table aria-label="Changes by suite">');
    expect(html).toContain(
      '<button type="button" data-group="0">request.body.model: llama3.2:3b → qwen3:0.6b</button>',
    );
    expect(html.match(/<li class="change"/g)).toHaveLength(6);
    expect(html).toContain('data-verdict="request" data-suite="inference" data-groups="0"');
    expect(html).toContain('<select id="f-verdict">');
    expect(html).toContain('<option value="substantive">To look at (5)</option>');
    expect(html).toContain('<select id="f-group">');
    expect(html).toContain('data-storage-key="tapedeck-review-seen:origin/main..feature"');
    expect(html).toContain('<p><strong>Reply before</strong></p><div class="text">Hello</div>');
  });

  it("escapes every recorded string", () => {
    const evil = '<script>alert("x")</script>';
    const html = reviewHtml(
      sampleReview([
        sampleChange({
          path: 'tests/integration/inference/recordings/"><img src=x onerror=alert(1)>.json',
          testId: evil,
          summary: evil,
          suite: '"><b>suite',
          response: [{ path: "choices[0].finish_reason", kind: "changed", before: evil, after: "<i>x</i>" }],
          text: { before: `Hello ${evil}`, after: `Hello ${evil}!` },
        }),
      ]),
    );
    const scripts = html.match(/<script/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(html).not.toMatch(/<img|<b>|<i>/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain('data-suite="&quot;&gt;&lt;b&gt;suite"');
  });
});
