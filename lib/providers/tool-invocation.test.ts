import { describe, expect, it } from "vitest";
import { decodeValue } from "@/lib/recording/decode";
import { toolContentText } from "./tool-invocation";
import { exchangeOfValue as decode, fixturesIn } from "./fixtures/load-fixture";

const { fixtureObject: fixture } = fixturesIn("");

describe("tool invocations", () => {
  it("reads the llama_stack.apis.tools.tools module path, test id from the request", () => {
    const exchange = decode(fixture("tool-invocation/llama-stack-apis.json"));
    expect(exchange.family).toBe("tool-invocation");
    expect(exchange.kind).toBe("tool-invocation");
    expect(exchange.provider).toBe("tool-runtime");
    expect(exchange.providerDetail).toBe("tavily");
    expect(exchange.model).toBeNull();
    expect(exchange.testId).toBe(
      "tests/integration/agents/test_agents.py::test_builtin_tool_web_search[txt=ollama/llama3.2:3b-instruct-fp16]",
    );
    expect(exchange.responseType).toBe("llama_stack.apis.tools.tools.ToolInvocationResult");
    expect(exchange.request.endpoint).toBe("web_search");
    expect(exchange.request.params).toEqual({ query: "tallest lighthouse in Portugal" });
    expect(exchange.request.body).toEqual({ query: "tallest lighthouse in Portugal" });
    const content =
      '{"query": "tallest lighthouse in Portugal", "top_k": [{"url": "https://example.org/lighthouses", "title": "Lighthouses of Portugal", "score": 0.91}]}';
    expect(exchange.response).toEqual({
      type: "result",
      streaming: false,
      status: null,
      text: content,
      value: { content, error_message: null, error_code: null, metadata: null },
    });
    expect(exchange.notes).toEqual([]);
  });

  it("reads the llama_stack_api.tools module path with a list of content items", () => {
    const exchange = decode(fixture("tool-invocation/llama-stack-api.json"));
    expect(exchange.family).toBe("tool-invocation");
    expect(exchange.responseType).toBe("llama_stack_api.tools.ToolInvocationResult");
    const response = exchange.response;
    if (response.type !== "result") throw new Error(response.type);
    expect(response.text).toBe(
      "Tram 28 runs from Martim Moniz to Campo de Ourique.\n[image]\nIt passes the Alfama district.",
    );
    expect(response.value).toMatchObject({ metadata: { source: "tavily", results: 2 } });
  });

  it("reads the ogx_api.tools module path and says when the tool reported an error", () => {
    const exchange = decode(fixture("tool-invocation/ogx-api-error.json"));
    expect(exchange.family).toBe("tool-invocation");
    expect(exchange.responseType).toBe("ogx_api.tools.ToolInvocationResult");
    expect(exchange.request.params).toEqual({ query: "anything", max_results: 3 });
    expect(exchange.response).toEqual({
      type: "result",
      streaming: false,
      status: null,
      text: "error: Tavily API key is invalid (code 401)",
      value: { content: null, error_message: "Tavily API key is invalid", error_code: 401, metadata: null },
    });
    expect(exchange.notes).toEqual(["the tool reported an error: Tavily API key is invalid (code 401)"]);
  });

  it("joins content items", () => {
    expect(toolContentText(null)).toBeNull();
    expect(toolContentText("plain")).toBe("plain");
    expect(toolContentText(["a", { type: "text", text: "b" }, { type: "image" }, 3])).toBe(
      "a\nb\n[image]\n[item]",
    );
  });

  it("names the JSON path of a malformed result", () => {
    const raw = fixture("tool-invocation/llama-stack-apis.json");
    const decoded = decodeValue({
      ...raw,
      response: {
        body: { __type__: "llama_stack.apis.tools.tools.ToolInvocationResult", __data__: { content: 42 } },
        is_streaming: false,
      },
    });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toMatch(/^schema mismatch at response\.body\.__data__\.content: /);
  });
});
