import { z } from "zod";
import { framesBodySchema, isFramesBody, type Frame } from "@/lib/containers/frames-body";
import type { Envelope } from "@/lib/model/envelope";
import type { Exchange } from "@/lib/model/exchange";
import { parseAt, type Decoder } from "./decoder";

/**
 * Recordings that are a list of messages, not one HTTP exchange: pydantic-ai's realtime WebSocket
 * logs and xAI gRPC samples (response body `{$frames: [...]}`). Shown as the frames with a one-line
 * count; the model is the one the session asked for.
 */

const requestSchema = z.looseObject({ method: z.string(), url: z.string() });

const withModel = z.looseObject({ model: z.string() });
const sessionModel = z.looseObject({ session: withModel });
const setupModel = z.looseObject({ setup: withModel });

const LABELS: Record<string, string> = { WEBSOCKET: "WebSocket", GRPC: "gRPC" };

/**
 * The model: a sent `session.update`'s `session.model` (OpenAI realtime), else the session the
 * server reports, else Gemini Live's `setup.model`; for gRPC, the request's `model`.
 */
function modelOf(frames: readonly Frame[]): string | null {
  const update = frames.find(
    (frame) => frame.type === "session.update" && sessionModel.safeParse(frame.data).success,
  );
  for (const frame of update ? [update, ...frames] : frames) {
    const session = sessionModel.safeParse(frame.data);
    if (session.success) return session.data.session.model;
    const setup = setupModel.safeParse(frame.data);
    if (setup.success) return setup.data.setup.model;
    if (frame.direction === "sent" && frame.type === "request") {
      const request = withModel.safeParse(frame.data);
      if (request.success) return request.data.model;
    }
  }
  return null;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** "358 WebSocket messages: 120 sent, 238 received", and how the socket closed, if it did. */
function summary(method: string, frames: readonly Frame[]): string {
  const messages = frames.filter((frame) => frame.type !== "close");
  const sent = messages.filter((frame) => frame.direction === "sent").length;
  const label = LABELS[method] ?? method;
  let text = `${plural(messages.length, `${label} message`)}: ${sent} sent, ${messages.length - sent} received`;
  for (const close of frames.filter((frame) => frame.type === "close")) {
    const parsed = z
      .looseObject({ code: z.number().optional(), reason: z.string().optional() })
      .safeParse(close.data);
    const code = parsed.success ? parsed.data.code : undefined;
    const reason = parsed.success && parsed.data.reason ? ` (${parsed.data.reason})` : "";
    text += `; closed${code === undefined ? "" : ` with code ${code}`}${reason}`;
  }
  return text;
}

export const framesDecoder: Decoder = {
  family: "generic",
  claims: (envelope: Envelope) => isFramesBody(envelope.response.body),
  decode(envelope: Envelope): Exchange {
    const { $frames: frames } = parseAt(framesBodySchema, envelope.response.body, "response.body");
    const request = parseAt(requestSchema, envelope.request, "request");
    return {
      family: "generic",
      kind: "frames",
      provider: "unknown",
      providerDetail: null,
      model: modelOf(frames),
      testId: envelope.test_id ?? null,
      responseType: null,
      request: {
        method: request.method,
        url: request.url === "" ? null : request.url,
        endpoint: null,
        host: null,
        messages: [],
        tools: [],
        params: {},
        body: envelope.request.payload ?? null,
      },
      response: {
        type: "result",
        streaming: true,
        status: null,
        text: summary(request.method, frames),
        value: frames,
      },
      notes: [],
    };
  },
};
