import { z } from "zod";
import { assembledToolCall } from "@/lib/model/assembler";
import type { AssembledMessage, Chunk, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt } from "./decoder";

/** A non-streamed OpenAI `ChatCompletion`. Schemas check only the fields used here. */

const textPartSchema = z.looseObject({ type: z.string().optional(), text: z.string() });

const messageSchema = z.looseObject({
  role: z.string().nullish(),
  content: z.union([z.string(), z.array(z.unknown())]).nullish(),
  reasoning: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  refusal: z.string().nullish(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string().nullish(),
        function: z.looseObject({ name: z.string().nullish(), arguments: z.unknown().optional() }).nullish(),
      }),
    )
    .nullish(),
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

/** Text of the content: a string, or the text parts of a list joined (other parts are noted). */
function contentText(content: Message["content"], choice: number, notes: string[]): string {
  if (typeof content === "string") return content;
  if (!content) return "";
  let text = "";
  for (const part of content) {
    const parsed = textPartSchema.safeParse(part);
    if (parsed.success) text += parsed.data.text;
    else notes.push(`Choice ${choice} has a content part that is not text; see the raw response.`);
  }
  return text;
}

function reasoningText(message: Message): string {
  const a = message.reasoning ?? "";
  const b = message.reasoning_content ?? "";
  return a === b || b === "" ? a : a + b;
}

function argumentsText(value: unknown): string {
  if (typeof value === "string") return value;
  return value === undefined || value === null ? "" : JSON.stringify(value);
}

/** Decodes the `__data__` of a `ChatCompletion` found at `path`. */
export function decodeChatCompletion(data: unknown, path: string): DecodedCompletion {
  const completion = parseAt(chatCompletionSchema, data, path);
  const notes: string[] = [];
  const choices = completion.choices.map((choice, position): AssembledMessage => {
    const index = choice.index ?? position;
    const message = choice.message;
    if (message.refusal) notes.push(`Choice ${index} refused: ${message.refusal}`);
    return {
      index,
      role: message.role ?? "assistant",
      content: contentText(message.content, index, notes),
      reasoning: reasoningText(message),
      toolCalls: (message.tool_calls ?? []).map((call, i) => {
        const args = argumentsText(call.function?.arguments);
        return assembledToolCall(i, call.id ?? null, call.function?.name ?? null, args === "" ? [] : [args]);
      }),
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
