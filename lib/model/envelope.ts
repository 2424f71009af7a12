import { z } from "zod";

/** The response wrapper every recording has. Only the fields the decoders use are checked. */
export const responseEnvelopeSchema = z.looseObject({
  body: z.unknown(),
  is_streaming: z.boolean().optional(),
  status: z.number().int().optional(),
  is_exception: z.boolean().optional(),
  exception_data: z.unknown().optional(),
  exception_message: z.string().nullable().optional(),
});

/** Any JSON object; the request shape is checked by the decoder that claims the file. */
const jsonObjectSchema = z.record(z.string(), z.unknown());

export const envelopeSchema = z.looseObject({
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
