import type { Envelope } from "@/lib/model/envelope";
import type { Exchange, ResponseInfo } from "@/lib/model/exchange";
import type { Decoder } from "./decoder";
import { bodyShape, shapeNote, type BodyShape } from "./openai-body";
import { decodeChatCompletion } from "./openai-chat-message";
import { decodeChatStream } from "./openai-chat-stream";
import { openaiMessages, openaiTools } from "./openai-messages";
import { openaiRequest } from "./openai-request";

/** Classes of a non-streamed chat completion. */
const COMPLETION_CLASSES: ReadonlySet<string> = new Set(["ChatCompletion"]);
/** Classes of stream chunks: OpenAI's, and litellm's look-alike. */
const CHUNK_CLASSES: ReadonlySet<string> = new Set(["ChatCompletionChunk", "ModelResponseStream"]);

function isChat(shape: BodyShape | null): shape is BodyShape {
  if (!shape) return false;
  if (shape.list) return CHUNK_CLASSES.has(shape.className) || shape.object === "chat.completion.chunk";
  return COMPLETION_CLASSES.has(shape.className) || shape.object === "chat.completion";
}

function decode(envelope: Envelope): Exchange {
  const body = envelope.response.body;
  const shape = bodyShape(body);
  if (!isChat(shape)) throw new Error("not an OpenAI chat completion");

  const req = openaiRequest(
    envelope,
    (b) => ({
      messages:
        b.messages === undefined || b.messages === null
          ? []
          : openaiMessages(b.messages, "request.body.messages"),
      tools: b.tools === undefined || b.tools === null ? [] : openaiTools(b.tools, "request.body.tools"),
    }),
    ["messages", "tools"],
  );

  const decoded = Array.isArray(body)
    ? decodeChatStream(body)
    : decodeChatCompletion(shape.first.__data__, "response.body.__data__");
  const response: ResponseInfo = {
    type: "message",
    streaming: Array.isArray(body),
    chunks: decoded.chunks,
    choices: decoded.choices,
    usage: decoded.usage,
    model: decoded.model,
  };
  const notes = [...shapeNote(shape, shape.list ? CHUNK_CLASSES : COMPLETION_CLASSES), ...decoded.notes];

  return {
    family: "openai-chat",
    kind: "chat",
    provider: "openai-compatible",
    providerDetail: req.providerDetail,
    model: req.model ?? decoded.model,
    testId: req.testId,
    responseType: shape.first.__type__,
    request: req.request,
    response,
    notes,
  };
}

/**
 * OpenAI chat completions: a `ChatCompletion`, or a stream of `ChatCompletionChunk` (or litellm
 * `ModelResponseStream`). Unknown classes are claimed when their data says `chat.completion[.chunk]`.
 */
export const openaiChatDecoder: Decoder = {
  family: "openai-chat",
  claims: (envelope) => isChat(bodyShape(envelope.response.body)),
  decode,
};
