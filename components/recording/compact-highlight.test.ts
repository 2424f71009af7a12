import { describe, expect, it } from "vitest";
import { compactHighlight } from "./compact-highlight";
import tokens from "./highlight-tokens.module.css";

describe("compactHighlight", () => {
  it("replaces each known color pair by its class and unwraps the lines", () => {
    const html =
      '<pre class="shiki" style="background-color:#fff;color:#24292e"><code><span class="line">' +
      '<span style="color:#22863A;--shiki-dark:#85E89D">body</span>: ' +
      '<span style="color:#032F62;--shiki-dark:#9ECBFF">\'x\'</span></span>\n<span class="line">' +
      '<span style="color:#005CC5;--shiki-dark:#79B8FF">200</span></span></code></pre>';
    expect(compactHighlight(html)).toBe(
      '<pre class="shiki" style="background-color:#fff;color:#24292e"><code>' +
        `<span class="${tokens.tag}">body</span>: <span class="${tokens.string}">'x'</span>\n` +
        `<span class="${tokens.constant}">200</span></code></pre>`,
    );
  });

  it("unwraps plain and empty lines too", () => {
    const html =
      '<pre><code><span class="line">{</span>\n<span class="line"></span>\n<span class="line">}</span></code></pre>';
    expect(compactHighlight(html)).toBe("<pre><code>{\n\n}</code></pre>");
  });

  it("leaves any other style inline: an unknown pair, or one with more than the colors", () => {
    const unknown = '<span style="color:#E36209;--shiki-dark:#FFAB70">$x</span>';
    const italic = '<span style="color:#6A737D;--shiki-dark:#6A737D;font-style:italic">#</span>';
    expect(compactHighlight(unknown)).toBe(unknown);
    expect(compactHighlight(italic)).toBe(italic);
  });
});
