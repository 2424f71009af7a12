import { describe, expect, it } from "vitest";
import { groupByTest } from "@/lib/index/group";
import { parseTestId } from "@/lib/index/test-id";
import { summaryOf } from "@/lib/index/testing/summary-builder";
import { appPath } from "./app-path";
import { badgeClass } from "./badge";
import styles from "./recording-rows.module.css";
import { escapeHtml, recordingGroupsHtml, recordingRowHtml } from "./recording-rows-html";

const HOSTILE = `"><img src=x onerror=alert(1)>`;

describe("recordingRowHtml", () => {
  it("writes a streamed chat row: badges, model, parametrization, file and size, prompt → reply", () => {
    const summary = summaryOf("tests/integration/inference/recordings/0123456789abcdef0123456789.json", {
      streaming: true,
      chunks: 12,
      toolCalls: 2,
      model: "llama3.2:3b",
      size: 2048,
      prompt: "Will it rain?",
      reply: "No & yes",
      test: parseTestId("tests/integration/inference/test_chat.py::test_chat[txt=ollama/llama3.2:3b]"),
    });
    expect(recordingRowHtml(summary)).toBe(
      '<a href="/recordings/tests/integration/inference/recordings/0123456789abcdef0123456789.json" data-row="" class="recording-row">' +
        `<div class="${styles.head}">` +
        `<span class="${badgeClass("blue")}">chat</span>` +
        `<span class="${badgeClass("neutral")}">openai-chat</span>` +
        `<span class="${badgeClass("violet")}">stream · 12 chunks</span>` +
        `<span class="${badgeClass("green")}">2 tool calls</span>` +
        `<span class="${styles.model}">llama3.2:3b</span>` +
        `<span class="${styles.params}" title="txt=ollama/llama3.2:3b">[txt=ollama/llama3.2:3b]</span>` +
        `<span class="${styles.where}" title="tests/integration/inference/recordings/0123456789abcdef0123456789.json">0123456789ab… · 2.0 KB</span>` +
        "</div>" +
        `<p class="${styles.brief}"><span>Will it rain?</span>` +
        `<span class="${styles.arrow}"> → </span><span class="${styles.reply}">No &amp; yes</span></p></a>`,
    );
  });

  it("says why a broken file is broken, and counts a cassette's interactions", () => {
    const broken = recordingRowHtml(
      summaryOf("r/bad.json", { broken: { kind: "invalid-json", reason: "invalid JSON at line 1 <here>" } }),
    );
    expect(broken).toContain(">broken</span>");
    expect(broken).toContain(`<p class="${styles.reason}">invalid JSON at line 1 &lt;here&gt;</p>`);
    const cassette = recordingRowHtml(summaryOf("c/t.yaml", { format: "vcrpy", error: "rate limited" }));
    expect(cassette).toContain(">vcrpy · 1 interaction</span>");
    expect(cassette).toContain(`<span class="${styles.error}">rate limited</span>`);
  });

  it("writes every recorded text and path as text, never as markup", () => {
    const html = recordingRowHtml(
      summaryOf(`r/${HOSTILE}.json`, {
        model: HOSTILE,
        prompt: "<script>alert(1)</script>",
        reply: "' onmouseover='alert(1)",
        test: parseTestId(`t.py::f[${HOSTILE}]`),
      }),
    );
    expect(html).not.toMatch(/<(img|script)/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&#39; onmouseover=&#39;alert(1)");
    expect(html).toContain(`title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"`);
    expect(html).toContain('href="/recordings/r/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.json"');
  });
});

describe("recordingGroupsHtml", () => {
  it("groups by test file and test, each test linking to its page", () => {
    const test = (functionName: string, params: string) =>
      parseTestId(`tests/a/test_x.py::${functionName}[${params}]`);
    const html = recordingGroupsHtml(
      groupByTest([
        summaryOf("a/1.json", { test: test("test_one", "p1") }),
        summaryOf("a/2.json", { test: test("test_one", "p2") }),
        summaryOf("a/3.json", { test: null, suite: "agents" }),
      ]),
    );
    expect(html.match(/<section /g)).toHaveLength(2);
    expect(html.match(/data-row=""/g)).toHaveLength(3);
    expect(html).toContain(">tests/a/test_x.py</h2>");
    expect(html).toContain('<a href="/tests?id=tests%2Fa%2Ftest_x.py%3A%3Atest_one">test_one</a>');
    expect(html).toContain(">agents (no test id)</h2>");
    expect(html).toContain(`<h3 class="${styles.name}">recordings without a test id</h3>`);
  });
});

describe("escapeHtml and appPath", () => {
  it("escapes the five characters that can end text or an attribute", () => {
    expect(escapeHtml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &#39; f");
  });

  it("gives the app's path of a link on this origin only", () => {
    const origin = "http://127.0.0.1:3000";
    expect(appPath(new URL("/recordings/a.json?page=2#chunk-3", origin), origin)).toBe(
      "/recordings/a.json?page=2#chunk-3",
    );
    expect(appPath(new URL("https://example.com/recordings"), origin)).toBeNull();
  });
});
