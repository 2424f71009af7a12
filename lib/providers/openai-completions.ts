import { z } from "zod";
import { MessageAssembler } from "@/lib/model/assembler";
import type { Envelope } from "@/lib/model/envelope";
import type {
  AssembledMessage,
  Chunk,
  ChunkDelta,
  Exchange,
  ResponseInfo,
  Usage,
} from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt, type Decoder } from "./decoder";
import { isRecord } from "./fast-read";
import {
  responseShape,
  shapeNote,
  singleData,
  streamItems,
  type BodyShape,
  type StreamItem,
} from "./openai-body";
import { errorResponse, httpCall, isErrorReply } from "./openai-http";
import { promptMessages } from "./openai-prompt";
import { openaiRequest } from "./openai-request";

/** Classes of a legacy text completion (streamed as a list of the same class). */
const CLASSES: ReadonlySet<string> = new Set(["Completion"]);
/** `object` values of completions from servers whose class is unknown (`text.completion`: Together). */
const OBJECTS: ReadonlySet<string> = new Set(["text_completion", "text.completion", "completion.chunk"]);

const choiceSchema = z.looseObject({
  index: z.number().int().nullish(),
  text: z.string().nullish(),
  finish_reason: z.string().nullish(),
  /** Some servers (Together) repeat the text as a chat-like delta. */
  delta: z.looseObject({ content: z.string().nullish() }).nullish(),
  logprobs: z.looseObject({ tokens: z.array(z.unknown()).nullish() }).nullish(),
});

export const completionSchema = z.looseObject({
  choices: z.array(choiceSchema),
  model: z.string().nullish(),
  usage: z.unknown().optional(),
});

type Choice = z.infer<typeof choiceSchema>;

/** The choice's text: `text`, or the delta's content when a server sends only that. */
function choiceText(choice: Choice): string {
  return choice.text ?? choice.delta?.content ?? "";
}

function isCompletion(shape: BodyShape | null): boolean {
  return (
    shape !== null &&
    ((shape.className !== null && CLASSES.has(shape.className)) ||
      (shape.object !== null && OBJECTS.has(shape.object)))
  );
}

/** A success body sent to a `…/completions` path: a stream, or an object with choices. */
function isCompletionReply(shape: BodyShape | null): boolean {
  return shape !== null && (shape.sse || (isRecord(shape.data) && Array.isArray(shape.data.choices)));
}

function claims(envelope: Envelope): boolean {
  const shape = responseShape(envelope);
  if (isCompletion(shape)) return true;
  const call = httpCall(envelope);
  if (call === null || call.endpoint !== "completions") return false;
  return isErrorReply(call, "completions") || isCompletionReply(shape);
}

interface Decoded {
  chunks: Chunk[];
  choices: AssembledMessage[];
  usage: Usage | null;
  model: string | null;
}

function decodeStream(items: readonly StreamItem[]): Decoded {
  const assembler = new MessageAssembler();
  const chunks: Chunk[] = [];
  let usage: Usage | null = null;
  let model: string | null = null;
  items.forEach((item, index) => {
    const data = parseAt(completionSchema, item.data, item.path);
    const deltas: ChunkDelta[] = [];
    data.choices.forEach((choice, position) => {
      const at = choice.index ?? position;
      assembler.touch(at);
      const text = choiceText(choice);
      if (text) deltas.push(assembler.text(at, text));
      const tokens = choice.logprobs?.tokens?.length ?? 0;
      if (tokens > 0) deltas.push({ type: "logprobs", choice: at, count: tokens });
      if (choice.finish_reason) deltas.push(assembler.finish(at, choice.finish_reason));
    });
    const chunkUsage = usageFrom(data.usage);
    if (chunkUsage) {
      usage = chunkUsage;
      deltas.push({ type: "usage", usage: chunkUsage });
    }
    model ??= data.model || null;
    chunks.push({ index, deltas, raw: item.raw });
  });
  return { chunks, choices: assembler.result(), usage, model };
}

function decodeSingle(data: unknown, path: string): Decoded {
  const completion = parseAt(completionSchema, data, path);
  const choices = completion.choices
    .map((choice, position): AssembledMessage => ({
      index: choice.index ?? position,
      role: "assistant",
      content: choiceText(choice),
      reasoning: "",
      toolCalls: [],
      finishReason: choice.finish_reason ?? null,
    }))
    .sort((a, b) => a.index - b.index);
  return {
    chunks: [],
    choices: choices.length > 0 ? choices : new MessageAssembler().result(),
    usage: usageFrom(completion.usage),
    model: completion.model || null,
  };
}

function decodeResponse(envelope: Envelope, shape: BodyShape | null): ResponseInfo {
  if (isErrorReply(httpCall(envelope), "completions")) return errorResponse(envelope);
  if (!shape) throw new Error("not an OpenAI text completion");
  const body = envelope.response.body;
  const single = singleData(body);
  const decoded = shape.list ? decodeStream(streamItems(body)) : decodeSingle(single.data, single.path);
  return {
    type: "message",
    streaming: shape.list,
    chunks: decoded.chunks,
    choices: decoded.choices,
    usage: decoded.usage,
    model: decoded.model,
  };
}

function decode(envelope: Envelope): Exchange {
  const shape = responseShape(envelope);
  const req = openaiRequest(envelope, (b) => ({ messages: promptMessages(b.prompt), tools: [] }), ["prompt"]);
  const response = decodeResponse(envelope, shape);
  return {
    family: "openai-completions",
    kind: "completion",
    provider: "openai-compatible",
    providerDetail: req.providerDetail,
    model: req.model ?? (response.type === "message" ? response.model : null),
    testId: req.testId,
    responseType: shape?.type ?? null,
    request: req.request,
    response,
    notes: shape ? shapeNote(shape, CLASSES) : [],
  };
}

/**
 * OpenAI legacy text completions (`/v1/completions`): one `Completion`, or a stream of them; in
 * HTTP calls also a plain body or SSE text sent to a `…/completions` path, and its error replies.
 */
export const openaiCompletionsDecoder: Decoder = {
  family: "openai-completions",
  claims,
  decode,
};
