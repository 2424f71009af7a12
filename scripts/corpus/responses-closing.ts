import { createParser } from "eventsource-parser";
import { z } from "zod";
import { REASONING_SEPARATOR } from "@/lib/providers/openai-responses-output";

/**
 * What an OpenAI Responses stream says its answer is, read from the recorded SSE text on its own
 * (not through Tapedeck's decoder): the output text and reasoning of the event that closes it
 * (`response.completed`, or `response.incomplete` for a reply cut at its token limit), and what
 * the stream's delta events add up to. Reasoning parts are joined as Tapedeck shows them.
 */

const partSchema = z.looseObject({ type: z.string(), text: z.string().nullish() });
const itemSchema = z.looseObject({
  type: z.string(),
  content: z.union([z.string(), z.array(partSchema)]).nullish(),
  summary: z.array(partSchema).nullish(),
});
const closingSchema = z.looseObject({
  type: z.enum(["response.completed", "response.incomplete"]),
  response: z.looseObject({ output: z.array(itemSchema).nullish() }),
});
const deltaSchema = z.looseObject({
  type: z.enum([
    "response.output_text.delta",
    "response.reasoning_summary_text.delta",
    "response.reasoning_text.delta",
  ]),
  delta: z.string(),
  item_id: z.string().nullish(),
  summary_index: z.number().nullish(),
  content_index: z.number().nullish(),
});

export interface ResponsesTexts {
  text: string;
  reasoning: string;
}

export interface ResponsesStreamTexts {
  /** The closing event's name and what its response holds, or null when the stream has none. */
  closing: (ResponsesTexts & { event: string }) | null;
  /** What the delta events add up to. */
  streamed: ResponsesTexts;
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

function closingTexts(output: z.infer<typeof itemSchema>[]): ResponsesTexts {
  let text = "";
  const reasoning: string[] = [];
  for (const item of output) {
    if (item.type === "message") {
      if (typeof item.content === "string") text += item.content;
      else for (const part of item.content ?? []) if (part.type === "output_text") text += part.text ?? "";
    } else if (item.type === "reasoning") {
      const parts = [
        ...(item.summary ?? []),
        ...(typeof item.content === "string" ? [] : (item.content ?? [])),
      ];
      for (const part of parts) if (part.text) reasoning.push(part.text);
    }
  }
  return { text, reasoning: reasoning.join(REASONING_SEPARATOR) };
}

export function responsesStreamTexts(sse: string): ResponsesStreamTexts {
  let closing: ResponsesStreamTexts["closing"] = null;
  let text = "";
  const reasoning = new Map<string, string>();
  const parser = createParser({
    onEvent(event) {
      const value = parseJson(event.data);
      const delta = deltaSchema.safeParse(value);
      if (delta.success) {
        const { type, item_id: item, summary_index: summary, content_index: content } = delta.data;
        if (type === "response.output_text.delta") text += delta.data.delta;
        else {
          const part = `${item ?? ""}:${type === "response.reasoning_text.delta" ? `c${content ?? 0}` : `s${summary ?? 0}`}`;
          reasoning.set(part, (reasoning.get(part) ?? "") + delta.data.delta);
        }
        return;
      }
      const done = closingSchema.safeParse(value);
      if (done.success) closing = { event: done.data.type, ...closingTexts(done.data.response.output ?? []) };
    },
  });
  parser.feed(sse);
  // A last event without its closing blank line still counts.
  parser.feed("\n\n");
  const streamedReasoning = [...reasoning.values()].filter((part) => part !== "").join(REASONING_SEPARATOR);
  return { closing, streamed: { text, reasoning: streamedReasoning } };
}
