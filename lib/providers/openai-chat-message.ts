import { z } from "zod";
import { assembledToolCall } from "@/lib/model/assembler";
import type { AssembledMessage, Chunk, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { MISFIT, optInt, optList, optRecord, optString, readWith, record } from "./fast-read";
import { partTexts } from "./openai-chat-parts";

/** A non-streamed OpenAI `ChatCompletion`. Schemas check only the fields used here. */

const messageSchema = z.looseObject({
  role: z.string().nullish(),
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
  reasoning: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  refusal: z.string().nullish(),
  /** Audio replies (`gpt-audio`) carry their text as the audio's transcript. */
  audio: z.looseObject({ transcript: z.string().nullish() }).nullish(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string().nullish(),
        function: z.looseObject({ name: z.string().nullish(), arguments: z.unknown().optional() }).nullish(),
      }),
    )
    .nullish(),
  /** The deprecated `functions` API: one call, no id. */
  function_call: z.looseObject({ name: z.string().nullish(), arguments: z.unknown().optional() }).nullish(),
});

const choiceSchema = z.looseObject({
  index: z.number().int().optional(),
  message: messageSchema,
  finish_reason: z.string().nullish(),
});

export const chatCompletionSchema = z.looseObject({
  choices: z.array(choiceSchema),
  model: z.string().nullish(),
  usage: z.unknown().optional(),
});

export interface DecodedCompletion {
  /** Always empty: a non-stream has no chunks. */
  chunks: Chunk[];
  choices: AssembledMessage[];
  usage: Usage | null;
  model: string | null;
  notes: string[];
}

type Message = z.infer<typeof messageSchema>;
type Completion = z.infer<typeof chatCompletionSchema>;

/** A function (a call's, or the legacy `function_call`): only the fields used. */
function readFunction(value: unknown): { name: string | null; arguments: unknown } | null {
  const fn = optRecord(value);
  return fn && { name: optString(fn.name), arguments: fn.arguments };
}

function readMessage(value: unknown): Message {
  const message = record(value);
  const { content } = message;
  if (content !== undefined && content !== null && typeof content !== "string" && !Array.isArray(content)) {
    throw MISFIT;
  }
  const audio = optRecord(message.audio);
  const calls = optList(message.tool_calls);
  return {
    role: optString(message.role),
    content,
    reasoning: optString(message.reasoning),
    reasoning_content: optString(message.reasoning_content),
    refusal: optString(message.refusal),
    audio: audio && { transcript: optString(audio.transcript) },
    tool_calls: calls?.map((call) => {
      const fields = record(call);
      return { id: optString(fields.id), function: readFunction(fields.function) };
    }),
    function_call: readFunction(message.function_call),
  };
}

/**
 * Reads the fields of `chatCompletionSchema` used here, by hand: a completion is read for every
 * non-streamed chat recording, and zod copies every object it checks. A misfit is named by zod.
 */
function readCompletion(value: unknown): Completion {
  const completion = record(value);
  const { choices } = completion;
  if (!Array.isArray(choices)) throw MISFIT;
  return {
    choices: choices.map((item) => {
      const choice = record(item);
      if (choice.index !== undefined && optInt(choice.index) === null) throw MISFIT;
      return {
        index: choice.index === undefined ? undefined : (optInt(choice.index) ?? undefined),
        message: readMessage(choice.message),
        finish_reason: optString(choice.finish_reason),
      };
    }),
    model: optString(completion.model),
    usage: completion.usage,
  };
}

/** Text and reasoning of the content: a string, or the text and thinking parts of a list (others are noted). */
function contentTexts(
  content: Message["content"],
  choice: number,
  notes: string[],
): { text: string; reasoning: string } {
  if (typeof content === "string") return { text: content, reasoning: "" };
  if (!content) return { text: "", reasoning: "" };
  const { text, reasoning, others } = partTexts(content);
  for (let i = 0; i < others; i++) {
    notes.push(`Choice ${choice} has a content part that is not text; see the raw response.`);
  }
  return { text, reasoning };
}

function reasoningText(message: Message, fromParts: string): string {
  const a = message.reasoning ?? "";
  const b = message.reasoning_content ?? "";
  return (a === b || b === "" ? a : a + b) + fromParts;
}

function argumentsText(value: unknown): string {
  if (typeof value === "string") return value;
  return value === undefined || value === null ? "" : JSON.stringify(value);
}

/** For an audio reply with no text, the audio's transcript (noted); else the text. */
function withTranscript(text: string, message: Message, choice: number, notes: string[]): string {
  if (text !== "" || !message.audio) return text;
  const transcript = message.audio.transcript;
  if (!transcript) {
    notes.push(`Choice ${choice} is audio with no transcript; see the raw response.`);
    return text;
  }
  notes.push(`Choice ${choice} is audio; its transcript is shown as the text.`);
  return transcript;
}

function toolCalls(message: Message) {
  const calls = (message.tool_calls ?? []).map((call, i) => {
    const args = argumentsText(call.function?.arguments);
    return assembledToolCall(i, call.id ?? null, call.function?.name ?? null, args === "" ? [] : [args]);
  });
  const legacy = message.function_call;
  if (legacy) {
    const args = argumentsText(legacy.arguments);
    calls.push(assembledToolCall(calls.length, null, legacy.name ?? null, args === "" ? [] : [args]));
  }
  return calls;
}

/** Decodes a `ChatCompletion` (the `__data__` of a wrapped one, or a plain body) found at `path`. */
export function decodeChatCompletion(data: unknown, path: string): DecodedCompletion {
  const completion = readWith(readCompletion, chatCompletionSchema, data, path);
  const notes: string[] = [];
  const choices = completion.choices.map((choice, position): AssembledMessage => {
    const index = choice.index ?? position;
    const message = choice.message;
    if (message.refusal) notes.push(`Choice ${index} refused: ${message.refusal}`);
    const { text, reasoning } = contentTexts(message.content, index, notes);
    return {
      index,
      role: message.role ?? "assistant",
      content: withTranscript(text, message, index, notes),
      reasoning: reasoningText(message, reasoning),
      toolCalls: toolCalls(message),
      finishReason: choice.finish_reason ?? null,
    };
  });
  choices.sort((a, b) => a.index - b.index);
  if (choices.length === 0) {
    choices.push({
      index: 0,
      role: "assistant",
      content: "",
      reasoning: "",
      toolCalls: [],
      finishReason: null,
    });
  }
  return { chunks: [], choices, usage: usageFrom(completion.usage), model: completion.model || null, notes };
}
