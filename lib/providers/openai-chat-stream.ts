import { z } from "zod";
import { MessageAssembler } from "@/lib/model/assembler";
import type { AssembledMessage, Chunk, ChunkDelta, RecordedError, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt, SchemaMismatch } from "./decoder";
import { MISFIT, optInt, optList, optRecord, optString } from "./fast-read";
import { streamItems, wrappedData, wrappedDataPath } from "./openai-body";
import { partTexts } from "./openai-chat-parts";
import { errorFromBody } from "./raw-http";

/**
 * OpenAI `ChatCompletionChunk` streams (and look-alikes such as litellm `ModelResponseStream`),
 * reassembled through `MessageAssembler`: llama-stack's wrapped chunks or an HTTP cassette's SSE
 * events. An event that carries `error` instead of choices (Groq `event: error`, Alibaba, OpenAI
 * cut-offs) is kept as the stream's error.
 *
 * A stream can hold thousands of chunks, so each chunk is read by hand in one pass (checking
 * every field used, as tolerantly as `chatChunkSchema`) and fed straight to the assembler. When
 * a chunk does not fit, `chatChunkSchema` names the offending JSON path.
 */

const chunkToolCallSchema = z.looseObject({
  index: z.number().int().nullish(),
  id: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

const deltaSchema = z.looseObject({
  role: z.string().nullish(),
  /** A list of parts from Mistral's reasoning models (`thinking` and `text`). */
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
  reasoning: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(chunkToolCallSchema).nullish(),
  /** Audio replies (`gpt-audio`) stream their text as the audio's transcript. */
  audio: z.looseObject({ transcript: z.string().nullish() }).nullish(),
  /** The deprecated `functions` API: pieces of one call. */
  function_call: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

/** The shape `feedChunk` reads, stated for error messages and documentation. */
export const chatChunkSchema = z.looseObject({
  /** Absent from trailing chunks that carry only usage (OpenAI audio streams). */
  choices: z
    .array(
      z.looseObject({
        index: z.number().int().nullish(),
        delta: deltaSchema.nullish(),
        finish_reason: z.string().nullish(),
        logprobs: z.looseObject({ content: z.array(z.unknown()).nullish() }).nullish(),
      }),
    )
    .nullish(),
  model: z.string().nullish(),
  usage: z.unknown().optional(),
});

export interface DecodedStream {
  chunks: Chunk[];
  choices: AssembledMessage[];
  /** The last usage a chunk carried. */
  usage: Usage | null;
  /** The first model a chunk named. */
  model: string | null;
  /** The first error event the stream carried. */
  error: RecordedError | null;
  notes: string[];
}

interface StreamState {
  assembler: MessageAssembler;
  refusals: Map<number, string>;
  usage: Usage | null;
  model: string | null;
  error: RecordedError | null;
  /** Some text came from audio transcripts. */
  transcript: boolean;
}

function feedToolCalls(calls: unknown[], choice: number, state: StreamState, out: ChunkDelta[]): void {
  for (let position = 0; position < calls.length; position++) {
    const call = optRecord(calls[position]);
    if (!call) throw MISFIT;
    const fn = optRecord(call.function);
    const piece = {
      id: optString(call.id),
      name: fn ? optString(fn.name) : null,
      arguments: fn ? optString(fn.arguments) : null,
    };
    out.push(state.assembler.toolCall(choice, optInt(call.index) ?? position, piece));
  }
}

/**
 * One choice's delta, in order: role, reasoning, text, tool-call pieces. Some servers send the same
 * reasoning as both `reasoning` and `reasoning_content`; it counts once.
 */
function feedDelta(
  delta: Record<string, unknown>,
  choice: number,
  state: StreamState,
  out: ChunkDelta[],
): void {
  const { assembler } = state;
  const role = optString(delta.role);
  const given = delta.content;
  const parts = Array.isArray(given) ? partTexts(given) : null;
  const content = parts ? parts.text : optString(given);
  const reasoning = optString(delta.reasoning);
  const reasoningContent = optString(delta.reasoning_content);
  const refusal = optString(delta.refusal);
  const calls = optList(delta.tool_calls);
  const audio = optRecord(delta.audio);
  const transcript = audio ? optString(audio.transcript) : null;
  const legacy = optRecord(delta.function_call);
  if (role) out.push(assembler.role(choice, role));
  if (reasoning) out.push(assembler.reasoning(choice, reasoning));
  if (reasoningContent && reasoningContent !== reasoning) {
    out.push(assembler.reasoning(choice, reasoningContent));
  }
  if (parts?.reasoning) out.push(assembler.reasoning(choice, parts.reasoning));
  if (content) out.push(assembler.text(choice, content));
  if (transcript) {
    state.transcript = true;
    out.push(assembler.text(choice, transcript));
  }
  if (calls) feedToolCalls(calls, choice, state, out);
  if (legacy) {
    const piece = { name: optString(legacy.name), arguments: optString(legacy.arguments) };
    out.push(assembler.toolCall(choice, calls?.length ?? 0, piece));
  }
  if (refusal) state.refusals.set(choice, (state.refusals.get(choice) ?? "") + refusal);
}

/** Reads one chunk's data and feeds it to the assembler; throws `MISFIT` when it does not fit. */
function feedChunk(value: unknown, state: StreamState, out: ChunkDelta[]): void {
  const chunk = optRecord(value);
  if (!chunk) throw MISFIT;
  const choices = optList(chunk.choices) ?? [];
  if (choices.length === 0 && chunk.error !== undefined && chunk.error !== null) {
    state.error ??= errorFromBody(chunk, null);
    out.push({ type: "event", label: "error" });
    return;
  }
  for (let position = 0; position < choices.length; position++) {
    const choice = optRecord(choices[position]);
    if (!choice) throw MISFIT;
    const at = optInt(choice.index) ?? position;
    state.assembler.touch(at);
    const delta = optRecord(choice.delta);
    if (delta) feedDelta(delta, at, state, out);
    const logprobs = optRecord(choice.logprobs);
    const tokens = logprobs ? (optList(logprobs.content)?.length ?? 0) : 0;
    if (tokens > 0) out.push({ type: "logprobs", choice: at, count: tokens });
    const finish = optString(choice.finish_reason);
    if (finish) out.push(state.assembler.finish(at, finish));
  }
  const model = optString(chunk.model);
  if (state.model === null && model) state.model = model;
  const given = chunk.usage;
  if (given !== undefined && given !== null) {
    const usage = usageFrom(given);
    if (usage) {
      state.usage = usage;
      out.push({ type: "usage", usage });
    }
  }
}

/**
 * The deltas of one chunk, gathered in `scratch` and copied out at their exact length (a list
 * grown by `push` keeps room for 16); null when the chunk does not fit.
 */
function chunkDeltas(data: unknown, state: StreamState, scratch: ChunkDelta[]): ChunkDelta[] | null {
  try {
    feedChunk(data, state, scratch);
  } catch (error) {
    if (error !== MISFIT) throw error;
    return null;
  }
  const deltas = scratch.slice();
  while (scratch.length > 0) scratch.pop();
  return deltas;
}

/** Throws the `SchemaMismatch` naming what in a chunk's data does not fit. */
function misfit(data: unknown, path: string): never {
  parseAt(chatChunkSchema, data, path);
  throw new SchemaMismatch(path, "unexpected shape");
}

/**
 * Decodes a stream body: a list of wrapped chunks (read in place, without a `StreamItem` each) or
 * SSE text (see `streamItems`). Throws `SchemaMismatch` on a malformed chunk; in a list, an element
 * that is not a wrapped object is reported first, wherever it is.
 */
export function decodeChatStream(body: unknown): DecodedStream {
  const state: StreamState = {
    assembler: new MessageAssembler(),
    refusals: new Map(),
    usage: null,
    model: null,
    error: null,
    transcript: false,
  };
  const chunks: Chunk[] = [];
  const scratch: ChunkDelta[] = [];
  if (typeof body === "string") {
    streamItems(body).forEach(({ data, raw, path }, index) => {
      chunks.push({ index, deltas: chunkDeltas(data, state, scratch) ?? misfit(data, path), raw });
    });
  } else if (Array.isArray(body)) {
    for (let index = 0; index < body.length; index++) {
      const raw: unknown = body[index];
      const data = wrappedData(raw, index);
      const deltas = chunkDeltas(data, state, scratch);
      if (deltas === null) {
        for (let later = index + 1; later < body.length; later++) wrappedData(body[later], later);
        misfit(data, wrappedDataPath(index));
      }
      chunks.push({ index, deltas, raw });
    }
  }
  const notes = [...state.refusals].map(([choice, text]) => `Choice ${choice} refused: ${text}`);
  if (state.transcript) notes.push("The reply is audio; its transcript is shown as the text.");
  return {
    chunks,
    choices: state.assembler.result(),
    usage: state.usage,
    model: state.model,
    error: state.error,
    notes,
  };
}
