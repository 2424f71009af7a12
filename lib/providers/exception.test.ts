import { describe, expect, it } from "vitest";
import { decodeValue } from "@/lib/recording/decode";
import { exchangeOfValue as decode, fixturesIn } from "./fixtures/load-fixture";

const { fixtureObject: fixture } = fixturesIn("");

describe("recorded exceptions", () => {
  it("reads an exception on a chat completion as a chat call with its conversation", () => {
    const exchange = decode(fixture("exception/chat.json"));
    expect(exchange.family).toBe("exception");
    expect(exchange.kind).toBe("chat");
    expect(exchange.provider).toBe("openai-compatible");
    expect(exchange.providerDetail).toBe("api.openai.com");
    expect(exchange.model).toBe("gpt-4o");
    expect(exchange.testId).toBe(
      "tests/integration/inference/test_provider_error_recording.py::TestProviderErrorRecording::test_provider_rejects_unknown_parameter[txt=openai/gpt-4o]",
    );
    expect(exchange.responseType).toBeNull();
    expect(exchange.request.endpoint).toBe("/v1/chat/completions");
    expect(exchange.request.messages).toEqual([
      {
        role: "system",
        parts: [{ type: "text", text: "Be brief." }],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
      {
        role: "user",
        parts: [
          { type: "text", text: "Describe this picture." },
          { type: "image", url: "https://example.org/missing.jpg", mediaType: null },
        ],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(exchange.request.params).toEqual({ service_tier: "platinum", stream: false });
    expect(exchange.response).toEqual({
      type: "error",
      error: {
        type: "BadRequestError",
        status: 400,
        message:
          "Error code: 400 - {'error': {'message': 'Invalid service_tier argument', 'type': 'invalid_request_error', 'param': 'service_tier', 'code': None}}",
        body: {
          message: "Invalid service_tier argument",
          type: "invalid_request_error",
          param: "service_tier",
          code: null,
        },
      },
    });
    expect(exchange.notes).toEqual([]);
  });

  it("reads an exception on an embeddings request as an embeddings call", () => {
    const exchange = decode(fixture("exception/embeddings.json"));
    expect(exchange.family).toBe("exception");
    expect(exchange.kind).toBe("embeddings");
    expect(exchange.provider).toBe("openai-compatible");
    expect(exchange.model).toBe("text-embedding-3-small");
    expect(exchange.request.messages).toEqual([
      {
        role: "user",
        parts: [
          { type: "text", text: "first sentence" },
          { type: "text", text: "second sentence" },
        ],
        name: null,
        toolCallId: null,
        toolCalls: [],
      },
    ]);
    expect(exchange.request.params).toEqual({ encoding_format: "float", dimensions: 99999 });
    const response = exchange.response;
    if (response.type !== "error") throw new Error(response.type);
    expect(response.error).toMatchObject({ type: "BadRequestError", status: 400 });
  });

  it("falls back to exception_message when exception_data is missing", () => {
    const raw = fixture("exception/chat.json");
    const exchange = decode({
      ...raw,
      response: {
        body: null,
        is_streaming: false,
        is_exception: true,
        exception_message: "connection reset",
      },
    });
    expect(exchange.response).toEqual({
      type: "error",
      error: { type: "Exception", status: null, message: "connection reset", body: null },
    });
  });

  it("names the JSON path of malformed exception data", () => {
    const raw = fixture("exception/chat.json");
    const decoded = decodeValue({
      ...raw,
      response: {
        body: null,
        is_exception: true,
        exception_data: { type: "BadRequestError", status_code: "400" },
      },
    });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.kind).toBe("schema-mismatch");
    expect(decoded.reason).toMatch(/^schema mismatch at response\.exception_data\.status_code: /);
  });

  it("still reads the exception when the request conversation is malformed, and says so", () => {
    const raw = fixture("exception/chat.json");
    const exchange = decode({
      ...raw,
      request: {
        method: "POST",
        url: "https://api.openai.com/v1/v1/chat/completions",
        body: { model: "gpt-4o", messages: [{ content: "no role" }] },
      },
    });
    expect(exchange.family).toBe("exception");
    expect(exchange.kind).toBe("chat");
    expect(exchange.request.messages).toEqual([]);
    expect(exchange.notes).toEqual([
      "the request conversation could not be read (request.body.messages[0].role: Invalid input: expected string, received undefined)",
    ]);
  });
});
