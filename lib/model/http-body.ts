import { z } from "zod";

/**
 * How containers hand an HTTP body to the providers (`request.payload`, `response.body` of an
 * `origin: "http"` envelope): JSON bodies parsed, other text as a string, and two marked forms for
 * bytes. Null when the body is absent or empty.
 */

/** One AWS eventstream message: its headers (`:event-type`, `:message-type`, ...) and payload. */
export const eventStreamMessageSchema = z.object({
  headers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** The payload parsed as JSON when it is JSON, else its text. */
  payload: z.unknown(),
});
export type EventStreamMessage = z.infer<typeof eventStreamMessageSchema>;

/** A binary AWS eventstream body, decoded into its messages. */
export const eventStreamBodySchema = z.object({ $eventstream: z.array(eventStreamMessageSchema) });
export type EventStreamBody = z.infer<typeof eventStreamBodySchema>;

/** Bytes that are not text (images, audio, PDF, protobuf): kept as base64 with their type. */
export const binaryBodySchema = z.object({
  $binary: z.object({ mediaType: z.string().nullable(), size: z.number(), base64: z.string() }),
});
export type BinaryBody = z.infer<typeof binaryBodySchema>;

export function isEventStreamBody(value: unknown): value is EventStreamBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "$eventstream" in value &&
    Array.isArray(value.$eventstream)
  );
}

export function isBinaryBody(value: unknown): value is BinaryBody {
  return typeof value === "object" && value !== null && "$binary" in value;
}
