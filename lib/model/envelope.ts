import { z } from "zod";

/** Header values by lower-case name, as HTTP cassettes record them. */
export const headerMapSchema = z.record(z.string(), z.array(z.string()));
export type HeaderMap = z.infer<typeof headerMapSchema>;

/** The response wrapper every recording has. Only the fields the decoders use are checked. */
export const responseEnvelopeSchema = z.looseObject({
  body: z.unknown(),
  is_streaming: z.boolean().optional(),
  /** Null when the recorder kept no status (a WebSocket log, gRPC samples). */
  status: z.number().int().nullable().optional(),
  /** HTTP cassettes only: the response headers. */
  headers: headerMapSchema.optional(),
  is_exception: z.boolean().optional(),
  exception_data: z.unknown().optional(),
  exception_message: z.string().nullable().optional(),
});

/** Any JSON object; the request shape is checked by the decoder that claims the file. */
const jsonObjectSchema = z.record(z.string(), z.unknown());

/**
 * The call as the providers read it. A llama-stack recording is one as it is on disk (`origin`
 * absent or `sdk`: bodies are the SDK objects the recorder wrote). An HTTP cassette's container
 * builds one per interaction with `origin: "http"`: the request in the raw-HTTP shape
 * `{method, url, headers, payload}` and the response `{status, headers, body, is_streaming}`,
 * bodies in the forms `lib/model/http-body.ts` describes.
 */
export const envelopeSchema = z.looseObject({
  origin: z.enum(["sdk", "http"]).optional(),
  test_id: z.string().nullable().optional(),
  request: jsonObjectSchema,
  response: responseEnvelopeSchema,
  id_normalization_mapping: z.record(z.string(), z.unknown()).nullable().optional(),
});

export type Envelope = z.infer<typeof envelopeSchema>;
export type ResponseEnvelope = z.infer<typeof responseEnvelopeSchema>;

/** Inference requests: `{method, url, headers, body, endpoint, model, provider_metadata?}`. */
export const inferenceRequestSchema = z.looseObject({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.unknown()).optional(),
  body: z.unknown(),
  endpoint: z.string().optional(),
  model: z.string().nullable().optional(),
  provider_metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type InferenceRequest = z.infer<typeof inferenceRequestSchema>;

/** Raw HTTP requests: `{test_id, url, method, payload}`. */
export const rawHttpRequestSchema = z.looseObject({
  test_id: z.string().nullable().optional(),
  url: z.string(),
  method: z.string(),
  payload: z.unknown(),
});
export type RawHttpRequest = z.infer<typeof rawHttpRequestSchema>;

/** Tool invocations: `{test_id, provider, tool_name, kwargs}`. */
export const toolRequestSchema = z.looseObject({
  test_id: z.string().nullable().optional(),
  provider: z.string().nullable().optional(),
  tool_name: z.string(),
  kwargs: z.record(z.string(), z.unknown()),
});

/** File processors: `{test_id, provider, api: "file_processors", file_id}`. */
export const fileProcessorRequestSchema = z.looseObject({
  test_id: z.string().nullable().optional(),
  provider: z.string().nullable().optional(),
  api: z.string(),
  file_id: z.string(),
});

/** A wrapped body `{__type__, __data__}` as the recorder writes Pydantic objects. */
export const wrappedSchema = z.object({ __type__: z.string(), __data__: z.unknown() });
export type Wrapped = z.infer<typeof wrappedSchema>;

export function isWrapped(value: unknown): value is Wrapped {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    "__type__" in value &&
    typeof value.__type__ === "string" &&
    "__data__" in value
  );
}

/** The class name of a `__type__` without its module path (`...chat_completion.ChatCompletion` → `ChatCompletion`). */
export function typeClassName(type: string): string {
  const dot = type.lastIndexOf(".");
  return dot === -1 ? type : type.slice(dot + 1);
}
