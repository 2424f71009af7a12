import { z } from "zod";
import type { HttpDetails } from "@/lib/model/recording-file";
import type { ContainerCall } from "./container";
import type { Frame } from "./frames-body";
import { markBinary } from "./raw-bytes";
import { parseCassettePart } from "./vcrpy-http";

/**
 * pydantic-ai's non-HTTP recordings in vcrpy's YAML shell: realtime WebSocket logs (items
 * `{kind: message, direction, data}`, `{kind: close, code, reason}`) and xAI gRPC samples
 * (`request_sample`/`response_sample`, `request_stream`/`response_stream`, `collections_method`).
 * Each becomes a call whose response body is `{$frames: [...]}`; protobuf bytes stay in `raw`.
 */

const directionSchema = z.enum(["sent", "received"]);

const webSocketItemSchema = z.looseObject({
  kind: z.string(),
  direction: directionSchema.optional(),
  data: z.unknown().optional(),
});

const sampleSchema = z.looseObject({ json: z.unknown() });

const grpcSampleSchema = z.looseObject({
  request_sample: sampleSchema,
  response_sample: sampleSchema.nullish(),
});

const grpcStreamSchema = z.looseObject({
  request_stream: sampleSchema,
  response_stream: z.looseObject({ chunks_json: z.array(z.unknown()).nullish() }).nullish(),
});

const collectionsSchema = z.looseObject({
  collections_method: z.looseObject({
    method: z.string(),
    response_proto_type: z.string().nullish(),
    request_json: z.unknown(),
    response_json: z.unknown().optional(),
  }),
});

/** The keys that start an item of each recording. */
export function isWebSocketItem(item: object): boolean {
  return "kind" in item;
}

export function isGrpcItem(item: object): boolean {
  return "request_sample" in item || "request_stream" in item || "collections_method" in item;
}

function frameCall(method: string, frames: Frame[], raw: unknown, test: string | null): ContainerCall {
  const http: HttpDetails = {
    method,
    url: "",
    host: null,
    status: null,
    statusText: null,
    requestHeaders: [],
    responseHeaders: [],
    meta: {},
  };
  return {
    envelope: {
      origin: "http",
      test_id: test,
      request: { method, url: "", headers: {}, payload: null },
      response: { status: null, headers: {}, body: { $frames: frames }, is_streaming: true },
    },
    http,
    problem: null,
    raw,
  };
}

function firstKey(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  for (const key in value) return key;
  return null;
}

/** OpenAI-style events say their `type`; Gemini Live messages are `{serverContent: ...}`. */
function messageType(data: unknown): string | null {
  if (typeof data === "object" && data !== null && "type" in data && typeof data.type === "string")
    return data.type;
  return firstKey(data);
}

/** All the WebSocket items of a file (`items[i]` at `interactions[indexes[i]]`) as one call. */
export function webSocketCall(items: unknown[], indexes: number[], test: string | null): ContainerCall {
  const frames = items.map((item, at): Frame => {
    const parsed = parseCassettePart(webSocketItemSchema, item, `interactions[${indexes[at] ?? at}]`);
    const { kind, direction, data, ...rest } = parsed;
    if (kind === "message") {
      return { direction: direction ?? "received", type: messageType(data) ?? kind, data: data ?? null };
    }
    // A close (`{kind: close, code, reason, ok}`) is seen by the recording side: received.
    return { direction: direction ?? "received", type: kind, data: data === undefined ? rest : data };
  });
  return frameCall("WEBSOCKET", frames, markBinary(items), test);
}

/** The frames of one gRPC item: the request, then the response or the stream's chunks. */
function grpcFrames(item: object, path: string): Frame[] {
  if ("request_sample" in item) {
    const { request_sample: request, response_sample: response } = parseCassettePart(
      grpcSampleSchema,
      item,
      path,
    );
    const frames: Frame[] = [{ direction: "sent", type: "request", data: request.json ?? null }];
    if (response) frames.push({ direction: "received", type: "response", data: response.json ?? null });
    return frames;
  }
  if ("request_stream" in item) {
    const { request_stream: request, response_stream: response } = parseCassettePart(
      grpcStreamSchema,
      item,
      path,
    );
    const frames: Frame[] = [{ direction: "sent", type: "request", data: request.json ?? null }];
    for (const chunk of response?.chunks_json ?? []) {
      frames.push({ direction: "received", type: firstKey(chunk) ?? "chunk", data: chunk });
    }
    return frames;
  }
  const call = parseCassettePart(collectionsSchema, item, path).collections_method;
  const frames: Frame[] = [
    { direction: "sent", type: `collections.${call.method}`, data: call.request_json ?? null },
  ];
  if ("response_json" in call) {
    frames.push({
      direction: "received",
      type: call.response_proto_type ?? "response",
      data: call.response_json,
    });
  }
  return frames;
}

/** One gRPC sample (or stream, or collections call) as a call; the protobuf bytes stay in `raw`. */
export function grpcCall(item: object, index: number, test: string | null): ContainerCall {
  const frames = grpcFrames(item, `interactions[${index}]`);
  return frameCall("GRPC", frames, markBinary(item, "application/x-protobuf"), test);
}
