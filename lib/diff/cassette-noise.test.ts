import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/recording/decode";
import { compareFiles, type SideFile } from "./compare-files";
import { vcrpySide, type Call } from "./fixtures/cassettes";
import { noiseRule } from "./noise";

const paris: Call = { prompt: "What is the capital of France?", reply: "Paris." };

function only(a: Call, b: Call) {
  const result = compareFiles(vcrpySide([a]), vcrpySide([b]));
  const pair = result.pairs[0];
  if (!pair?.comparison) throw new Error("no comparison");
  return { ...pair.comparison, verdict: result.verdict };
}

describe("HTTP noise rules on cassettes", () => {
  it.each([
    ["Date", "response-date"],
    ["x-request-id", "request-id-header"],
    ["request-id", "request-id-header"],
    ["cf-ray", "request-id-header"],
    ["set-cookie", "set-cookie"],
    ["openai-processing-ms", "server-timing"],
    ["x-ratelimit-remaining-tokens", "rate-limit"],
    ["anthropic-ratelimit-requests-reset", "rate-limit"],
    ["server-timing", "server-timing"],
    ["via", "proxy-headers"],
    ["x-envoy-upstream-service-time", "server-timing"],
  ])("response header %s is noise by %s", (header, rule) => {
    const result = only(paris, { ...paris, responseHeaders: { [header]: ["changed-value"] } });
    expect(result.verdict).toBe("noise");
    expect(result.noise.map((change) => change.rule)).toEqual([rule]);
    // A header the other side lacks is added whole; one both have changes value by value.
    const lower = header.toLowerCase();
    expect(result.noise[0]?.path).toBe(
      header === "Date" || header === "x-request-id"
        ? `response.headers.${lower}[0]`
        : `response.headers.${lower}`,
    );
  });

  it.each([
    ["User-Agent", "user-agent", "sdk-headers"],
    ["X-Stainless-Package-Version", "x-stainless-package-version", "sdk-headers"],
  ])("request header %s is shown as noise by %s", (header, lower, rule) => {
    const result = only(paris, { ...paris, requestHeaders: { [header]: ["OpenAI/Python 2.0.0"] } });
    expect(result.verdict).toBe("noise");
    expect(result.noise).toHaveLength(1);
    expect(result.noise[0]).toMatchObject({
      path: header === "User-Agent" ? `request.headers.${lower}[0]` : `request.headers.${lower}`,
      rule,
    });
  });

  it("a request header that changes what was asked is a request change", () => {
    const result = only(paris, { ...paris, requestHeaders: { "anthropic-beta": ["tools-2024-05-16"] } });
    expect(result.verdict).toBe("request");
    expect(result.request).toEqual([
      {
        path: "request.headers.anthropic-beta",
        kind: "added",
        before: undefined,
        after: ["tools-2024-05-16"],
      },
    ]);
  });

  it("provider ids and created inside the body", () => {
    const result = only(paris, { ...paris, id: "chatcmpl-Zy9", created: 1745399999 });
    expect(result.verdict).toBe("noise");
    expect(result.noise).toEqual([
      {
        path: "response.body.string.id",
        kind: "changed",
        before: "chatcmpl-BQx1example",
        after: "chatcmpl-Zy9",
        rule: "provider-id",
      },
      {
        path: "response.body.string.created",
        kind: "changed",
        before: 1745312345,
        after: 1745399999,
        rule: "timestamp",
      },
    ]);
  });

  it("a changed host is a request change for a cassette", () => {
    const result = only(paris, { ...paris, url: "https://eu.api.openai.com/v1/chat/completions" });
    expect(result.verdict).toBe("request");
    expect(result.request).toEqual([
      {
        path: "request.uri",
        kind: "changed",
        before: "https://api.openai.com/v1/chat/completions",
        after: "https://eu.api.openai.com/v1/chat/completions",
      },
    ]);
  });

  it("a new model in the request is a request change", () => {
    const result = only(paris, { ...paris, model: "gpt-4.1" });
    expect(result.verdict).toBe("request");
    expect(result.request.map((change) => change.path)).toEqual(["request.body.model"]);
  });
});

function side(text: string, path: string): SideFile {
  const decoded = decodeText(text, path);
  if (!decoded.ok) throw new Error(decoded.reason);
  return { text, file: decoded.file, raw: decoded.raw };
}

describe("recorder metadata rules", () => {
  const goVcr = readFileSync(new URL("./fixtures/go-vcr-chat.yaml", import.meta.url), "utf8");

  it("go-vcr duration, a date header, a rate limit and times in an NDJSON stream", () => {
    const after = goVcr
      .replace("duration: 915ms", "duration: 1.2s")
      .replace("22:48:19 GMT", "23:01:00 GMT")
      .replace('"499"', '"498"')
      .replaceAll("2026-05-04T22:48", "2026-05-05T09:00")
      .replace("942039750", "1042039750");
    const result = compareFiles(side(goVcr, "testdata/TestChat.yaml"), side(after, "testdata/TestChat.yaml"));
    expect(result.verdict).toBe("noise");
    const noise = result.pairs[0]?.comparison?.noise ?? [];
    expect(noise.map((change) => [change.path, change.rule])).toEqual([
      ["response.body.$ndjson[0].created_at", "timestamp"],
      ["response.body.$ndjson[1].created_at", "timestamp"],
      ["response.body.$ndjson[2].created_at", "timestamp"],
      ["response.body.$ndjson[2].total_duration", "duration"],
      ["response.headers.date[0]", "response-date"],
      ["response.headers.x-ratelimit-remaining-requests[0]", "rate-limit"],
      ["response.duration", "go-vcr-duration"],
    ]);
  });

  it("a changed streamed word is a response change", () => {
    const after = goVcr.replace('"content":"ana"', '"content":"anas"');
    const result = compareFiles(side(goVcr, "testdata/TestChat.yaml"), side(after, "testdata/TestChat.yaml"));
    expect(result.verdict).toBe("response");
    expect(result.pairs[0]?.summary).toBe("response: choices[0].content: Banana → Bananas");
  });

  it.each([
    [["recorded_at"], "vcr-recorded-at"],
    [["startedDateTime"], "har-timings"],
    [["time"], "har-timings"],
    [["timings", "wait"], "har-timings"],
    [["_id"], "polly-id"],
    [["response", "duration"], "go-vcr-duration"],
    [["id"], "interaction-number"],
    [["response", "content_length"], "content-length"],
    [["response", "headers", "content-length", 0], "content-length"],
  ])("%j is noise by %s in a cassette", (path, rule) => {
    expect(noiseRule(path, "a", "b", "cassette")).toBe(rule);
  });

  it.each([
    [
      ["request", "body", "messages", 1, "tool_calls", 0, "id"],
      "TjRIgmufNUt4GPJqVQyuc2bLCDYCQz60",
      "T3hhOnhmnU2pQhPTztIUqNYUk6ApQCiu",
    ],
    [
      ["request", "parsed_body", "contents", 1, "parts", 0, "functionCall", "id"],
      "pyd_ai_f9d7afaf",
      "pyd_ai_0e1a07b3",
    ],
    [["response", "body", "$sse", 3, "data", "responseId"], undefined, "1lpeaMTxIpW1nvgP-O3vwQY"],
  ])("the tool-call or response id at %j is a provider id", (path, before, after) => {
    expect(noiseRule(path, before, after, "cassette")).toBe("provider-id");
  });

  it("a tool call's name or arguments are not ids", () => {
    expect(
      noiseRule(
        ["request", "body", "messages", 1, "tool_calls", 0, "function", "name"],
        "a",
        "b",
        "cassette",
      ),
    ).toBeNull();
  });

  it("a host is noise for llama-stack recordings only", () => {
    const before = "https://api.openai.com/v1/chat/completions";
    const after = "http://localhost:8321/v1/chat/completions";
    expect(noiseRule(["request", "url"], before, after, "recording")).toBe("request-host");
    expect(noiseRule(["request", "url"], before, after, "cassette")).toBeNull();
  });
});
