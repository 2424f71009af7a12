import { z } from "zod";
import { MessageAssembler } from "@/lib/model/assembler";
import { isWrapped, wrappedSchema } from "@/lib/model/envelope";
import type { AssembledMessage, Chunk, ChunkDelta, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt, SchemaMismatch } from "./decoder";
import { MISFIT, optInt, optList, optRecord, optString } from "./fast-read";

/**
 * OpenAI `ChatCompletionChunk` streams (and look-alikes such as litellm `ModelResponseStream`),
 * reassembled through `MessageAssembler`.
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
  content: z.string().nullish(),
  reasoning: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(chunkToolCallSchema).nullish(),
});

/** The shape `feedChunk` reads, stated for error messages and documentation. */
export const chatChunkSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      index: z.number().int().nullish(),
      delta: deltaSchema.nullish(),
      finish_reason: z.string().nullish(),
      logprobs: z.looseObject({ content: z.array(z.unknown()).nullish() }).nullish(),
    }),
  ),
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
  notes: string[];
}

interface StreamState {
  assembler: MessageAssembler;
  refusals: Map<number, string>;
  usage: Usage | null;
  model: string | null;
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
  const content = optString(delta.content);
  const reasoning = optString(delta.reasoning);
  const reasoningContent = optString(delta.reasoning_content);
  const refusal = optString(delta.refusal);
  const calls = optList(delta.tool_calls);
  if (role) out.push(assembler.role(choice, role));
  if (reasoning) out.push(assembler.reasoning(choice, reasoning));
  if (reasoningContent && reasoningContent !== reasoning) {
    out.push(assembler.reasoning(choice, reasoningContent));
  }
  if (content) out.push(assembler.text(choice, content));
  if (calls) feedToolCalls(calls, choice, state, out);
  if (refusal) state.refusals.set(choice, (state.refusals.get(choice) ?? "") + refusal);
}

/** Reads one chunk's `__data__` and feeds it to the assembler; throws `MISFIT` when it does not fit. */
function feedChunk(value: unknown, state: StreamState, out: ChunkDelta[]): void {
  const chunk = optRecord(value);
  const choices = chunk ? optList(chunk.choices) : null;
  if (!chunk || !choices) throw MISFIT;
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
  if (chunk.usage !== undefined && chunk.usage !== null) {
    const usage = usageFrom(chunk.usage);
    if (usage) {
      state.usage = usage;
      out.push({ type: "usage", usage });
    }
  }
}

/** Decodes `response.body`, a list of wrapped chunks. Throws `SchemaMismatch` on a malformed chunk. */
export function decodeChatStream(items: readonly unknown[]): DecodedStream {
  const state: StreamState = {
    assembler: new MessageAssembler(),
    refusals: new Map(),
    usage: null,
    model: null,
  };
  const chunks: Chunk[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const data = isWrapped(item)
      ? item.__data__
      : parseAt(wrappedSchema, item, `response.body[${index}]`).__data__;
    const deltas: ChunkDelta[] = [];
    try {
      feedChunk(data, state, deltas);
    } catch (error) {
      if (error !== MISFIT) throw error;
      const path = `response.body[${index}].__data__`;
      parseAt(chatChunkSchema, data, path);
      throw new SchemaMismatch(path, "unexpected shape");
    }
    chunks.push({ index, deltas, raw: item });
  }
  const notes = [...state.refusals].map(([choice, text]) => `Choice ${choice} refused: ${text}`);
  return { chunks, choices: state.assembler.result(), usage: state.usage, model: state.model, notes };
}
