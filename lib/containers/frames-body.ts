import { z } from "zod";

/**
 * A recording that is a list of messages rather than one HTTP exchange (a WebSocket log, gRPC
 * samples) is handed to the providers as a response body `{$frames: [...]}`, beside the marked
 * body forms of `lib/model/http-body.ts`.
 */

/** One message of the log: who sent it, its type (`session.update`, `close`, `request`), its JSON. */
export const frameSchema = z.object({
  direction: z.enum(["sent", "received"]),
  type: z.string(),
  data: z.unknown(),
});
export type Frame = z.infer<typeof frameSchema>;

export const framesBodySchema = z.object({ $frames: z.array(frameSchema) });
export type FramesBody = z.infer<typeof framesBodySchema>;

export function isFramesBody(value: unknown): value is FramesBody {
  return typeof value === "object" && value !== null && "$frames" in value && Array.isArray(value.$frames);
}
