import { describe, expect, it } from "vitest";
import type { Frame } from "@/lib/containers/frames-body";
import type { Envelope } from "@/lib/model/envelope";
import { SchemaMismatch } from "./decoder";
import { framesDecoder } from "./frames";
import { DECODERS } from "./registry";

/** A frames envelope as the vcrpy container builds it for pydantic-ai's WebSocket logs and gRPC samples. */
function framesEnvelope(method: string, frames: unknown): Envelope {
  return {
    origin: "http",
    test_id: "tests/realtime/test_openai_ws.py::test_text_turn",
    request: { method, url: "", headers: {}, payload: null },
    response: { status: null, headers: {}, body: { $frames: frames }, is_streaming: true },
  };
}

const webSocket: Frame[] = [
  {
    direction: "received",
    type: "session.created",
    data: { type: "session.created", session: { model: "gpt-realtime-2025-08-28" } },
  },
  {
    direction: "sent",
    type: "session.update",
    data: { type: "session.update", session: { type: "realtime", model: "gpt-realtime" } },
  },
  {
    direction: "sent",
    type: "input_audio_buffer.append",
    data: { type: "input_audio_buffer.append", audio: "AAAA" },
  },
  {
    direction: "received",
    type: "response.output_text.delta",
    data: { type: "response.output_text.delta", delta: "Hi" },
  },
  { direction: "received", type: "response.done", data: { type: "response.done" } },
  { direction: "received", type: "close", data: { code: 1011, reason: "test reconnect", ok: false } },
];

describe("frames decoder", () => {
  it("comes first in the registry and claims only `$frames` bodies", () => {
    expect(DECODERS[0]).toBe(framesDecoder);
    expect(framesDecoder.claims(framesEnvelope("WEBSOCKET", webSocket))).toBe(true);
    expect(
      framesDecoder.claims({
        origin: "http",
        request: {
          method: "POST",
          url: "https://api.openai.com/v1/chat/completions",
          headers: {},
          payload: null,
        },
        response: { status: 200, headers: {}, body: { frames: [] }, is_streaming: false },
      }),
    ).toBe(false);
  });

  it("shows a WebSocket log as its frames with a count, the model from `session.update`", () => {
    const exchange = framesDecoder.decode(framesEnvelope("WEBSOCKET", webSocket));
    expect(exchange).toEqual({
      family: "generic",
      kind: "frames",
      provider: "unknown",
      providerDetail: null,
      model: "gpt-realtime",
      testId: "tests/realtime/test_openai_ws.py::test_text_turn",
      responseType: null,
      request: {
        method: "WEBSOCKET",
        url: null,
        endpoint: null,
        host: null,
        messages: [],
        tools: [],
        params: {},
        body: null,
      },
      response: {
        type: "result",
        streaming: true,
        status: null,
        text: "5 WebSocket messages: 2 sent, 3 received; closed with code 1011 (test reconnect)",
        value: webSocket,
      },
      notes: [],
    });
  });

  it("falls back to the session the server reports, then to Gemini Live's `setup.model`", () => {
    const created = framesDecoder.decode(framesEnvelope("WEBSOCKET", [webSocket[0], webSocket[2]]));
    expect(created.model).toBe("gpt-realtime-2025-08-28");
    const live = framesDecoder.decode(
      framesEnvelope("WEBSOCKET", [
        { direction: "sent", type: "setup", data: { setup: { model: "models/gemini-live-2.5-flash" } } },
        { direction: "received", type: "setupComplete", data: { setupComplete: {} } },
      ]),
    );
    expect(live.model).toBe("models/gemini-live-2.5-flash");
    expect(live.response).toMatchObject({ text: "2 WebSocket messages: 1 sent, 1 received" });
  });

  it("reads a gRPC sample's model from its request", () => {
    const exchange = framesDecoder.decode(
      framesEnvelope("GRPC", [
        { direction: "sent", type: "request", data: { messages: [], model: "grok-3-mini" } },
        { direction: "received", type: "response", data: { id: "r1", model: "grok-3-mini-0325" } },
      ]),
    );
    expect(exchange.model).toBe("grok-3-mini");
    expect(exchange.response).toMatchObject({ type: "result", text: "2 gRPC messages: 1 sent, 1 received" });
    const single = framesDecoder.decode(
      framesEnvelope("GRPC", [{ direction: "sent", type: "collections.create", data: { name: "docs" } }]),
    );
    expect(single.model).toBeNull();
    expect(single.response).toMatchObject({ text: "1 gRPC message: 1 sent, 0 received" });
  });

  it("names the path of a frame of the wrong shape", () => {
    const bad = framesEnvelope("WEBSOCKET", [{ direction: "up", type: "x", data: null }]);
    expect(() => framesDecoder.decode(bad)).toThrow(SchemaMismatch);
    expect(() => framesDecoder.decode(bad)).toThrow(/^response\.body\.\$frames\[0\]\.direction: /);
  });
});
