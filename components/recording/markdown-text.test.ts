import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "./markdown-text";

const render = (source: string) => renderToStaticMarkup(createElement(MarkdownText, { source }));

describe("MarkdownText", () => {
  it("renders markdown", () => {
    const html = render("Hello **bold** and `code`\n\n- one\n- two");
    expect(html).toContain("<strong>");
    expect(html).toContain("<li>");
  });

  it("shows raw HTML as text, never as elements", () => {
    const html = render('<script>alert(1)</script> and <img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=");
  });

  it("makes javascript: links unclickable", () => {
    const html = render("[click](javascript:alert(1)) and [ok](https://example.com)");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://example.com"');
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it("does not load images", () => {
    const html = render("![pixel](https://tracker.example/p.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("[image: pixel]");
  });

  it("tags text with its source offsets", () => {
    const source = "Hi **there**\n\n```\nprint(1)\n```";
    const html = render(source);
    expect(html).toContain(`data-src-start="0" data-src-end="3"`);
    const start = source.indexOf("there");
    expect(html).toContain(`data-src-start="${start}" data-src-end="${start + 5}"`);
    const code = source.indexOf("print(1)");
    expect(html).toContain(`data-src-start="${code}"`);
  });
});
