import { describe, expect, it } from "vitest";
import { omitKeys, requestBasics, splitUrl } from "./request-info";

describe("splitUrl", () => {
  it("splits a URL into its path and host, the same when asked again", () => {
    const url = "http://0.0.0.0:11434/v1/chat/completions";
    expect(splitUrl(url)).toEqual({ path: "/v1/chat/completions", host: "0.0.0.0:11434" });
    // Asked again (from the memo): the same answer, which callers cannot change.
    const again = splitUrl(url);
    expect(again).toEqual({ path: "/v1/chat/completions", host: "0.0.0.0:11434" });
    expect(Object.isFrozen(again)).toBe(true);
  });

  it("keeps a path that is not a URL, and names the scheme of a URL without a host", () => {
    expect(splitUrl("/v1/embeddings")).toEqual({ path: "/v1/embeddings", host: null });
    expect(splitUrl("not a url")).toEqual({ path: null, host: null });
    expect(splitUrl("file:///tmp/x.json")).toEqual({ path: "/tmp/x.json", host: "file" });
  });

  it("splits a URL too long to remember like any other", () => {
    const query = "q=".padEnd(5000, "x");
    const url = `https://api.openai.com/v1/models?${query}`;
    expect(splitUrl(url)).toEqual({ path: "/v1/models", host: "api.openai.com" });
    expect(splitUrl(url)).toEqual({ path: "/v1/models", host: "api.openai.com" });
  });
});

describe("requestBasics and omitKeys", () => {
  it("takes the recorded endpoint over the URL path", () => {
    expect(requestBasics("POST", "https://api.openai.com/v1/chat/completions", "/v1/chat")).toEqual({
      method: "POST",
      url: "https://api.openai.com/v1/chat/completions",
      endpoint: "/v1/chat",
      host: "api.openai.com",
    });
    expect(requestBasics("GET", null, undefined)).toEqual({
      method: "GET",
      url: null,
      endpoint: null,
      host: null,
    });
  });

  it("copies an object without the named keys", () => {
    expect(omitKeys({ model: "gpt-4o", messages: [], temperature: 0 }, ["model", "messages"])).toEqual({
      temperature: 0,
    });
    expect(omitKeys([1, 2], ["model"])).toEqual({});
  });
});
