import { describe, expect, it } from "vitest";
import { envelopeSchema } from "@/lib/model/envelope";
import { endpointOf, httpCall, isErrorReply } from "./openai-http";

describe("endpointOf", () => {
  it("names the OpenAI endpoint of the paths compatible hosts use", () => {
    const paths: [string, string | null][] = [
      ["/v1/chat/completions", "chat"],
      ["/chat/completions", "chat"],
      ["/openai/v1/chat/completions", "chat"],
      ["/api/v1/chat/completions", "chat"],
      ["/compatible-mode/v1/chat/completions", "chat"],
      ["/openai/deployments/gpt-4o/chat/completions", "chat"],
      ["/v1/completions", "completions"],
      ["/v1/responses", "responses"],
      ["/api/v1/responses", "responses"],
      ["/v1/embeddings", "embeddings"],
      ["/v1/models", "models"],
      ["/openai/v1/models", "models"],
      ["/v1/images/generations", "images"],
      ["/v1/images/edits", "images"],
      ["/v1beta/models", null],
      ["/v1/responses/resp_1", null],
      ["/v1/messages", null],
      ["/api/chat", null],
    ];
    for (const [path, endpoint] of paths) expect([path, endpointOf(path)]).toEqual([path, endpoint]);
  });
});

describe("httpCall", () => {
  const envelope = (request: Record<string, unknown>, status?: number, origin?: "http") =>
    envelopeSchema.parse({ origin, request, response: { body: null, status } });

  it("reads cassette calls and llama-stack raw HTTP requests, not SDK recordings", () => {
    const cassette = envelope(
      { method: "POST", url: "https://api.mistral.ai/v1/chat/completions#stream", headers: {}, payload: {} },
      422,
      "http",
    );
    expect(httpCall(cassette)).toEqual({ path: "/v1/chat/completions", endpoint: "chat", status: 422 });
    expect(isErrorReply(httpCall(cassette), "chat")).toBe(true);
    expect(isErrorReply(httpCall(cassette), "responses")).toBe(false);
    const raw = envelope({ url: "http://0.0.0.0:11434/v1/messages", method: "POST", payload: {} }, 200);
    expect(httpCall(raw)).toEqual({ path: "/v1/messages", endpoint: null, status: 200 });
    const sdk = envelope({ method: "POST", url: "http://localhost:11434/v1/v1/chat/completions", body: {} });
    expect(httpCall(sdk)).toBeNull();
  });
});
