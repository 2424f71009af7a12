import { z } from "zod";
import { MessageAssembler } from "@/lib/model/assembler";
import type { AssembledMessage, Chunk, ChunkDelta, RecordedError, Usage } from "@/lib/model/exchange";
import { usageFrom } from "@/lib/model/usage";
import { parseAt } from "./decoder";
import { sseEvents, sseJson } from "./sse-events";

/**
 * A Gemini interactions stream recorded as raw SSE lines (`interaction.start`, `content.start`,
 * `content.delta`, `content.stop`, `interaction.complete`, `done`): one chunk per event, deltas fed
 * through the `MessageAssembler` (text → content, thought summaries → reasoning, function calls →
 * tool calls numbered in order of their content index).
 */

const eventSchema = z.looseObject({ event_type: z.string().optional() });
const interactionSchema = z.looseObject({
  interaction: z
    .looseObject({
      model: z.string().nullish(),
      status: z.string().nullish(),
      role: z.string().nullish(),
      usage: z.unknown().optional(),
    })
    .nullish(),
});
const contentStartSchema = z.looseObject({
  index: z.number().int().optional(),
  content: z.looseObject({ type: z.string() }).nullish(),
});
const contentDeltaSchema = z.looseObject({
  index: z.number().int().optional(),
  delta: z.looseObject({ type: z.string() }),
});
const textDeltaSchema = z.looseObject({ delta: z.looseObject({ text: z.string() }) });
const thoughtSummarySchema = z.looseObject({
  delta: z.looseObject({ content: z.looseObject({ text: z.string().optional() }).nullish() }),
});
const functionCallSchema = z.looseObject({
  delta: z.looseObject({
    id: z.string().nullish(),
    name: z.string().nullish(),
    arguments: z.unknown().optional(),
  }),
});
const errorSchema = z.looseObject({
  error: z.looseObject({ code: z.unknown().optional(), message: z.string().nullish() }).nullish(),
});

/** The event names an interactions stream is recognised by. */
export const INTERACTIONS_EVENTS = [
  "interaction.start",
  "interaction.created",
  "content.delta",
  "step.delta",
];

export interface InteractionsStream {
  chunks: Chunk[];
  choices: AssembledMessage[];
  usage: Usage | null;
  model: string | null;
  error: RecordedError | null;
}

/** True when the SSE lines are an interactions stream. */
export function isInteractionsSse(lines: readonly string[]): boolean {
  return lines.some(
    (line) => line.startsWith("event:") && INTERACTIONS_EVENTS.includes(line.slice(6).trim()),
  );
}

/** Decodes the SSE lines of `body` (found at `path`, i.e. `response.body`). */
export function decodeInteractionsStream(body: readonly unknown[], path: string): InteractionsStream {
  const assembler = new MessageAssembler();
  const chunks: Chunk[] = [];
  const toolIndexOfContent = new Map<number, number>();
  let usage: Usage | null = null;
  let model: string | null = null;
  let error: RecordedError | null = null;
  const toolIndex = (content: number): number => {
    let index = toolIndexOfContent.get(content);
    if (index === undefined) {
      index = toolIndexOfContent.size;
      toolIndexOfContent.set(content, index);
    }
    return index;
  };

  for (const event of sseEvents(body, path)) {
    const at = `${path}[${event.line}]`;
    const deltas: ChunkDelta[] = [];
    const data = event.data === "[DONE]" ? event.data : sseJson(event, path);
    const type =
      (data === null || typeof data === "string" ? null : parseAt(eventSchema, data, at).event_type) ??
      event.event ??
      "unknown";
    switch (type) {
      case "interaction.start":
      case "interaction.created":
      case "interaction.complete": {
        const interaction = parseAt(interactionSchema, data, at).interaction;
        model ??= interaction?.model ?? null;
        if (type !== "interaction.complete") deltas.push(assembler.role(0, "assistant"));
        else {
          const parsed = usageFrom(interaction?.usage);
          if (parsed) {
            usage = parsed;
            deltas.push({ type: "usage", usage: parsed });
          }
          if (interaction?.status) deltas.push(assembler.finish(0, interaction.status));
        }
        break;
      }
      case "content.start":
      case "step.start": {
        const start = parseAt(contentStartSchema, data, at);
        deltas.push({ type: "event", label: `${type} ${start.content?.type ?? ""}`.trim() });
        break;
      }
      case "content.delta":
      case "step.delta": {
        const { index, delta } = parseAt(contentDeltaSchema, data, at);
        if (delta.type === "text")
          deltas.push(assembler.text(0, parseAt(textDeltaSchema, data, at).delta.text));
        else if (delta.type === "thought_summary") {
          const text = parseAt(thoughtSummarySchema, data, at).delta.content?.text;
          deltas.push(text ? assembler.reasoning(0, text) : { type: "event", label: delta.type });
        } else if (delta.type === "function_call") {
          const call = parseAt(functionCallSchema, data, at).delta;
          const args = call.arguments === undefined ? "" : JSON.stringify(call.arguments);
          deltas.push(
            assembler.toolCall(0, toolIndex(index ?? 0), { id: call.id, name: call.name, arguments: args }),
          );
        } else deltas.push({ type: "event", label: delta.type });
        break;
      }
      case "error": {
        const parsed = parseAt(errorSchema, data, at).error;
        const code = parsed?.code;
        error = {
          type: typeof code === "string" || typeof code === "number" ? String(code) : "error",
          status: typeof code === "number" ? code : null,
          message: parsed?.message ?? "",
          body: data,
        };
        deltas.push({
          type: "event",
          label: `error: ${error.type}${error.message ? `: ${error.message}` : ""}`,
        });
        break;
      }
      default:
        deltas.push({ type: "event", label: type === "done" || data === "[DONE]" ? "[DONE]" : type });
    }
    chunks.push({ index: chunks.length, deltas, raw: { event: event.event, data } });
  }
  return { chunks, choices: assembler.result(), usage, model, error };
}
