import { describe, expect, it } from "vitest";
import { highlightCode } from "./highlight-code";

describe("highlightCode", () => {
  it("renders both themes, escapes the code and keeps its text", async () => {
    const code = '{\n  "a": "<script>x</script>",\n  "b": [1, true, null]\n}';
    const html = await highlightCode(code, "json");
    expect(html).toContain('class="shiki shiki-themes github-light github-dark"');
    expect(html).toContain("--shiki-dark:");
    expect(html).not.toContain("<script>");
    const text = html
      .replace(/<[^>]+>/g, "")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&quot;", '"')
      .replaceAll("&#x3C;", "<")
      .replaceAll("&amp;", "&");
    expect(text).toBe(code);
  });

  it("leaves tokens in the default colors unwrapped", async () => {
    const html = await highlightCode('{"a": 1}', "json");
    expect(html).not.toMatch(/<span style="color:#24292E;--shiki-dark:#E1E4E8">/i);
    expect(html).toMatch(/<span class="line">\{<span/);
  });

  it("returns the same HTML from its cache", async () => {
    const code = '{"cached": true}';
    expect(await highlightCode(code)).toBe(await highlightCode(code));
  });
});
