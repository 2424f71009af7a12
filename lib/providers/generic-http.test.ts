import { describe, expect, it } from "vitest";
import { envelopeSchema, type Envelope } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { genericDecoder } from "./generic";
import { shortUrl, sizeText, unclaimedReason } from "./http-purpose";
import { DECODERS } from "./registry";
import { fixturesIn } from "./fixtures/load-fixture";

const { fixtureObject } = fixturesIn("generic");

function decode(envelope: Envelope): Exchange {
  return (DECODERS.find((decoder) => decoder.claims(envelope)) ?? genericDecoder).decode(envelope);
}

/** An HTTP cassette call. */
function call(
  method: string,
  url: string,
  payload: unknown,
  response: { status?: number; body: unknown; contentType?: string; streaming?: boolean },
): Envelope {
  return envelopeSchema.parse({
    origin: "http",
    test_id: null,
    request: { method, url, headers: {}, payload },
    response: {
      status: response.status ?? 200,
      headers: response.contentType ? { "content-type": [response.contentType] } : {},
      body: response.body,
      is_streaming: response.streaming ?? false,
    },
  });
}

describe("generic fallback for HTTP calls", () => {
  it("reads an error of an API no provider decodes, and says which API it is", () => {
    const exchange = decode(envelopeSchema.parse(fixtureObject("http-batch-results-404.json")));
    expect([exchange.family, exchange.kind, exchange.provider, exchange.providerDetail]).toEqual([
      "generic",
      "http",
      "unknown",
      "api.anthropic.com",
    ]);
    expect(exchange.request).toEqual({
      method: "GET",
      url: "https://api.anthropic.com/v1/messages/batches/msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d/results",
      endpoint: "/v1/messages/batches/msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d/results",
      host: "api.anthropic.com",
      messages: [],
      tools: [],
      params: {},
      body: null,
    });
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "not_found_error",
        status: 404,
        message: "Batch msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d has no available results.",
        body: {
          type: "error",
          error: {
            type: "not_found_error",
            message: "Batch msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d has no available results.",
          },
        },
      },
    });
    expect(exchange.notes).toEqual([
      "GET https://api.anthropic.com/v1/messages/batches/…/results: no provider decodes Anthropic message batches",
    ]);
  });

  it("keeps a download's bytes and says what they are", () => {
    const exchange = decode(envelopeSchema.parse(fixtureObject("http-image-download.json")));
    expect(exchange.family).toBe("generic");
    expect(exchange.providerDetail).toBe("www.gstatic.com");
    expect(exchange.response).toEqual({
      type: "result",
      streaming: false,
      status: 200,
      text: null,
      value: {
        $binary: {
          mediaType: "image/png",
          size: 2202342,
          base64:
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==",
        },
      },
    });
    expect(exchange.notes).toEqual([
      "GET www.gstatic.com: not an LLM API call (a file download)",
      "the body is 2.1 MB of image/png",
    ]);
  });

  it("shows JSON as recorded, with the model the request names", () => {
    const body = { results: [{ title: "Ruby", url: "https://www.ruby-lang.org/", score: 0.93 }] };
    const exchange = decode(
      call(
        "POST",
        "https://api.tavily.com/search",
        { query: "ruby", max_results: 1, model: "basic" },
        { body },
      ),
    );
    expect(exchange.model).toBe("basic");
    expect(exchange.request.params).toEqual({ query: "ruby", max_results: 1 });
    expect(exchange.response).toEqual({
      type: "result",
      streaming: false,
      status: 200,
      text: null,
      value: body,
    });
    expect(exchange.notes).toEqual(["POST api.tavily.com: not an LLM API call (the Tavily search API)"]);
  });

  it("turns SSE text into a list of events and keeps the text", () => {
    const text =
      'event: progress\ndata: {"done": 1}\n\nevent: progress\ndata: {"done": 2}\n\ndata: [DONE]\n\n';
    const exchange = decode(
      call("GET", "https://jobs.example.com/v1/jobs/42/events", null, {
        body: text,
        contentType: "text/event-stream",
        streaming: true,
      }),
    );
    expect(exchange.response).toEqual({
      type: "result",
      streaming: true,
      status: 200,
      text,
      value: [
        { event: "progress", data: { done: 1 } },
        { event: "progress", data: { done: 2 } },
        { event: null, data: "[DONE]" },
      ],
    });
    expect(exchange.notes).toEqual([
      "GET https://jobs.example.com/v1/jobs/42/events: not an LLM API call (a page or file fetched over HTTP)",
    ]);
  });

  it("turns NDJSON into a list of values, and keeps other text as is", () => {
    const ndjson = '{"id":1,"status":"queued"}\n{"id":2,"status":"done"}\n';
    const exported = decode(
      call("GET", "https://jobs.example.com/v1/export", null, {
        body: ndjson,
        contentType: "application/x-ndjson",
      }),
    );
    expect(exported.response).toMatchObject({
      value: [
        { id: 1, status: "queued" },
        { id: 2, status: "done" },
      ],
      text: ndjson,
    });
    const html = "<!doctype html><title>Ruby</title>";
    const page = decode(
      call("GET", "https://www.ruby-lang.org/en/", null, { body: html, contentType: "text/html" }),
    );
    expect(page.response).toMatchObject({ value: html, text: html });
    expect(page.notes).toEqual(["GET www.ruby-lang.org: not an LLM API call (a file download)"]);
  });

  it("reads an error of an unknown API with errorFromBody", () => {
    const exchange = decode(
      call(
        "POST",
        "https://api.traceloop.dev/v2/datasets",
        { slug: "x" },
        { status: 401, body: "Unauthorized" },
      ),
    );
    expect(exchange.response).toEqual({
      type: "error",
      error: { type: "HTTP 401", status: 401, message: "Unauthorized", body: "Unauthorized" },
    });
    expect(exchange.notes).toEqual(["POST api.traceloop.dev: not an LLM API call (Traceloop telemetry)"]);
  });

  it("reads the model from the URL when the body has none", () => {
    const exchange = decode(
      call(
        "POST",
        "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:countTokens",
        {},
        { body: { totalTokens: 7 } },
      ),
    );
    expect(exchange.model).toBe("gemini-2.5-flash");
    expect(exchange.notes).toEqual([
      "POST https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:countTokens: no provider decodes Gemini API token counting",
    ]);
  });
});

describe("generic fallback after a decoder failed", () => {
  it("names the decoder that claimed the call but could not read it", () => {
    const url = "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-micro-v1%3A0/converse";
    const envelope = call("POST", url, { messages: [] }, { body: { output: "not a message" } });
    expect(() => decode(envelope)).toThrow(/^response\.body\.output/);
    const exchange = genericDecoder.decode(envelope);
    expect([exchange.family, exchange.kind]).toEqual(["generic", "http"]);
    expect(exchange.model).toBe("amazon.nova-micro-v1:0");
    expect(exchange.response).toEqual({
      type: "result",
      streaming: false,
      status: 200,
      text: null,
      value: { output: "not a message" },
    });
    expect(exchange.notes).toEqual([
      `POST ${url}: the bedrock decoder could not read this call; it is shown as recorded`,
    ]);
  });
});

describe("why no provider decodes a call", () => {
  const reason = (method: string, url: string, payload: unknown = null, body: unknown = null) => {
    const match = /^https?:\/\/([^/]+)(\/[^?]*)?/.exec(url);
    return unclaimedReason({ method, url, host: match?.[1] ?? null, path: match?.[2] ?? "/", payload, body });
  };

  it("names services that are not LLM APIs", () => {
    expect(reason("GET", "https://raw.githubusercontent.com/pydantic/pydantic-ai/main/mkdocs.yml")).toBe(
      "GET raw.githubusercontent.com: not an LLM API call (a file download)",
    );
    expect(reason("POST", "https://oauth2.googleapis.com/token")).toBe(
      "POST oauth2.googleapis.com: not an LLM API call (an OAuth token exchange)",
    );
    expect(reason("POST", "https://idx-1a2b.svc.aped-4627-b74a.pinecone.io/query")).toBe(
      "POST idx-1a2b.svc.aped-4627-b74a.pinecone.io: not an LLM API call (the Pinecone vector store)",
    );
    expect(reason("POST", "https://mcp.deepwiki.com/mcp")).toBe(
      "POST mcp.deepwiki.com: not an LLM API call (an MCP server call)",
    );
    expect(
      reason("GET", "https://cdn.example.net/cat.jpg", null, {
        $binary: { mediaType: "image/jpeg", size: 10, base64: "" },
      }),
    ).toBe("GET cdn.example.net: not an LLM API call (a file download)");
  });

  it("names the vendor and what the endpoint is about", () => {
    expect(reason("GET", "https://api.openai.com/v1/batches/batch_6789abcdef0123456789abcd")).toBe(
      "GET https://api.openai.com/v1/batches/…: no provider decodes OpenAI batches",
    );
    expect(reason("GET", "https://api.eu4.bfl.ai/v1/get_result?id=abc")).toBe(
      "GET https://api.eu4.bfl.ai/v1/get_result: no provider decodes Black Forest Labs result polling",
    );
    expect(reason("GET", "https://api.anthropic.com/v1/models")).toBe(
      "GET https://api.anthropic.com/v1/models: no provider decodes Anthropic model listing",
    );
    expect(reason("POST", "https://api-inference.huggingface.co/models/HuggingFaceH4/zephyr-7b-beta")).toBe(
      "POST https://api-inference.huggingface.co/models/HuggingFaceH4/zephyr-7b-beta: no provider decodes this Hugging Face endpoint",
    );
  });

  it("says when an unknown call looks like an LLM call", () => {
    expect(reason("POST", "https://llm.example.com/v1/generate", { model: "m", prompt: "Hi" })).toBe(
      "POST https://llm.example.com/v1/generate: no provider recognises this request, though it looks like an LLM call",
    );
    expect(reason("POST", "https://api.example.com/v1/things", { name: "x" }, { id: 1 })).toBe(
      "POST https://api.example.com/v1/things: no provider recognises this call",
    );
  });

  it("shortens ids and long segments, and sizes bytes as a reader says them", () => {
    expect(shortUrl("https://api.x.ai/v1/videos/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d?x=1")).toBe(
      "https://api.x.ai/v1/videos/…",
    );
    expect(shortUrl(`https://image.pollinations.ai/prompt/${"a".repeat(80)}`)).toBe(
      `https://image.pollinations.ai/prompt/${"a".repeat(40)}…`,
    );
    expect([sizeText(1), sizeText(512), sizeText(35_328), sizeText(2_202_342)]).toEqual([
      "1 byte",
      "512 bytes",
      "34.5 KB",
      "2.1 MB",
    ]);
  });
});

describe("generic fallback for llama-stack recordings", () => {
  it("is unchanged: an unknown body is kept as unknown", () => {
    const exchange = genericDecoder.decode(
      envelopeSchema.parse({
        request: { method: "POST", url: "http://h/v1/foo", body: {} },
        response: { body: 42 },
      }),
    );
    expect(exchange.response).toEqual({ type: "unknown", value: 42 });
    expect(exchange.notes[0]).toBe("response body is a number");
  });
});
