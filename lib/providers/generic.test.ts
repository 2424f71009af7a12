import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { decodeValue } from "@/lib/recording/decode";
import { genericDecoder } from "./generic";
import { fixturesIn } from "./fixtures/load-fixture";

const { fixtureObject: fixture } = fixturesIn("");

/** Runs the generic decoder directly (whatever the registry would pick). */
function generic(
  request: Record<string, unknown>,
  body: unknown,
  extra: Record<string, unknown> = {},
): Exchange {
  return genericDecoder.decode(
    envelopeSchema.parse({ request, response: { body, is_streaming: false, ...extra } }),
  );
}

const CHAT_REQUEST = {
  method: "POST",
  url: "http://localhost:11434/v1/v1/chat/completions",
  headers: {},
  body: { model: "llama3.2:3b", messages: [{ role: "user", content: "Hi" }], temperature: 0 },
  endpoint: "/v1/chat/completions",
  model: "llama3.2:3b",
};

describe("generic fallback", () => {
  it("takes a file with an unknown __type__ and says why", () => {
    const decoded = decodeValue(fixture("generic/unknown-type.json"));
    if (!decoded.ok) throw new Error(decoded.reason);
    const exchange = decoded.file.interactions[0]!.exchange;
    expect(exchange.family).toBe("generic");
    expect(exchange.notes).toEqual(['unknown __type__ "acme.types.FooResponse" (no decoder for this class)']);
    expect(exchange.responseType).toBe("acme.types.FooResponse");
    expect(exchange.kind).toBe("http");
    expect(exchange.provider).toBe("unknown");
    expect(exchange.model).toBe("acme/foo-1");
    expect(exchange.testId).toBe("tests/integration/inference/test_acme.py::test_acme_foo[txt=acme/foo-1]");
    expect(exchange.request.endpoint).toBe("/v1/foo");
    expect(exchange.request.params).toEqual({ bar: 3 });
    expect(exchange.response).toEqual({
      type: "unknown",
      value: { __type__: "acme.types.FooResponse", __data__: { foo: "bar" } },
    });
  });

  it("says precisely what the body is", () => {
    const note = (body: unknown, extra: Record<string, unknown> = {}) =>
      generic(CHAT_REQUEST, body, extra).notes[0];
    expect(note(42)).toBe("response body is a number");
    expect(note(true)).toBe("response body is a boolean");
    expect(note("hello")).toBe("response body is a string, not JSON of a known API");
    expect(note(null)).toBe("response body is null and the response is not marked as an exception");
    expect(note([])).toBe("response body is an empty list");
    expect(note({ a: 1, b: 2 })).toBe(
      'response body is a plain object (keys "a", "b") that no decoder recognises',
    );
    expect(note(["one", "two"])).toBe(
      "response body is a list of strings that are not server-sent events of a known API",
    );
    expect(note(["event: tick", 'data: {"n":1}', ""])).toBe(
      "response body is server-sent events of an API no decoder knows (events: tick)",
    );
    const wrapped = { __type__: "acme.Foo", __data__: {} };
    expect(note([wrapped, wrapped])).toBe(
      'unknown __type__ "acme.Foo" in a list of 2 (no decoder for this class)',
    );
    expect(note([wrapped, { __type__: "acme.Bar", __data__: {} }])).toBe(
      'unknown __type__ "acme.Foo", "acme.Bar" in a list of 2 (no decoder for these classes)',
    );
    expect(note([1, { a: 1 }])).toBe(
      "response body is a list of 2 items (number, plain object) that no decoder recognises",
    );
  });

  it("still reads the request: kind, provider, model and conversation", () => {
    const exchange = generic(CHAT_REQUEST, 42);
    expect(exchange.kind).toBe("chat");
    expect(exchange.provider).toBe("openai-compatible");
    expect(exchange.model).toBe("llama3.2:3b");
    expect(exchange.request.messages).toEqual([
      { role: "user", parts: [{ type: "text", text: "Hi" }], name: null, toolCallId: null, toolCalls: [] },
    ]);
    expect(exchange.request.params).toEqual({ temperature: 0 });
  });

  it("reads Ollama, completion, Gemini and unknown request shapes", () => {
    const ollama = generic(
      {
        method: "POST",
        url: "http://localhost:11434/api/generate",
        body: { model: "llama3.2:3b", prompt: "Why?" },
      },
      1,
    );
    expect([ollama.kind, ollama.provider, ollama.model]).toEqual(["completion", "ollama", "llama3.2:3b"]);
    expect(ollama.request.messages[0]?.parts).toEqual([{ type: "text", text: "Why?" }]);

    const completion = generic(
      {
        method: "POST",
        url: "http://h/v1/v1/completions",
        body: { model: "m", prompt: ["a", "b"], max_tokens: 5 },
      },
      1,
    );
    expect([completion.kind, completion.provider]).toEqual(["completion", "openai-compatible"]);
    expect(completion.request.params).toEqual({ max_tokens: 5 });

    const gemini = generic(
      {
        method: "POST",
        url: "vertexai:///generate_content",
        body: {
          model: "gemini-2.5-flash",
          contents: [
            {
              role: "user",
              parts: [{ text: "Hi" }, { inline_data: { mime_type: "image/png", data: "AAAA" } }],
            },
          ],
          config: { system_instruction: "Be nice." },
        },
      },
      1,
    );
    expect([gemini.kind, gemini.provider, gemini.providerDetail]).toEqual([
      "generate-content",
      "gemini",
      "vertexai",
    ]);
    expect(gemini.request.messages.map((message) => [message.role, message.parts])).toEqual([
      ["system", [{ type: "text", text: "Be nice." }]],
      [
        "user",
        [
          { type: "text", text: "Hi" },
          { type: "image", url: "data:image/png;base64,AAAA", mediaType: "image/png" },
        ],
      ],
    ]);

    const unknown = generic({ something: "else" }, 1);
    expect([unknown.kind, unknown.provider, unknown.model]).toEqual(["http", "unknown", null]);
    expect(unknown.request.body).toEqual({ something: "else" });
    expect(unknown.notes).toEqual([
      "response body is a number",
      "the request has none of the known shapes (inference, raw HTTP, tool invocation, file processor)",
    ]);
  });

  it("claims anything", () => {
    expect(genericDecoder.claims(envelopeSchema.parse({ request: {}, response: { body: null } }))).toBe(true);
  });
});
