import { describe, expect, it } from "vitest";
import { decodeValue } from "@/lib/recording/decode";
import { fixturesIn } from "./fixtures/load-fixture";

const { fixtureObject: fixture } = fixturesIn("");

describe("file processors", () => {
  it("reads a ProcessFileResponse: the chunks' content joined with blank lines", () => {
    const decoded = decodeValue(fixture("file-processor/pypdf.json"));
    if (!decoded.ok) throw new Error(decoded.reason);
    const exchange = decoded.file.interactions[0]!.exchange;
    expect(exchange.family).toBe("file-processor");
    expect(exchange.kind).toBe("file-processing");
    expect(exchange.provider).toBe("file-processor");
    expect(exchange.providerDetail).toBe("pypdf");
    expect(exchange.model).toBeNull();
    expect(exchange.responseType).toBe("llama_stack_api.file_processors.models.ProcessFileResponse");
    expect(exchange.testId).toMatch(
      /^tests\/integration\/responses\/test_tool_responses\.py::test_response_file_search\[/,
    );
    expect(exchange.request.endpoint).toBe("file_processors");
    expect(exchange.request.params).toEqual({ file_id: "file-1a2b3c4d5e6f" });
    const response = exchange.response;
    if (response.type !== "result") throw new Error(response.type);
    expect(response.streaming).toBe(false);
    expect(response.status).toBeNull();
    expect(response.text).toBe(
      "Tapedeck\nA viewer for recorded LLM traffic.\n\nIt decodes streams and shows diffs.",
    );
    expect(response.value).toMatchObject({ metadata: { processor: "pypdf", page_count: 1 } });
    expect(exchange.notes).toEqual([]);
  });

  it("names the chunk whose content is missing", () => {
    const raw = fixture("file-processor/pypdf.json");
    const decoded = decodeValue({
      ...raw,
      response: {
        body: {
          __type__: "llama_stack_api.file_processors.models.ProcessFileResponse",
          __data__: { chunks: [{ content: "ok" }, { chunk_id: "x" }] },
        },
        is_streaming: false,
      },
    });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toMatch(/^schema mismatch at response\.body\.__data__\.chunks\[1\]\.content: /);
  });
});
