import type { AssembledMessage } from "@/lib/model/exchange";
import { shownText } from "./shown-text";

export interface ToolCallView {
  index: number;
  id: string | null;
  name: string | null;
  /** The arguments exactly as joined from the stream or recorded. */
  arguments: string;
  /** Pretty-printed arguments when they are valid JSON. */
  pretty: string | null;
  /** Why the arguments are not valid JSON. */
  error: string | null;
}

/** A reassembled message as plain data (safe to send to the browser). */
export interface MessageView {
  index: number;
  role: string;
  content: string;
  reasoning: string;
  finishReason: string | null;
  toolCalls: ToolCallView[];
}

/** JSON pretty-printed with two spaces; `undefined` (absent) reads as an empty string. */
export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? "";
  } catch {
    return String(value);
  }
}

export function toMessageView(message: AssembledMessage): MessageView {
  return {
    index: message.index,
    role: message.role,
    content: shownText(message.content),
    reasoning: shownText(message.reasoning),
    finishReason: message.finishReason,
    toolCalls: message.toolCalls.map((call) => ({
      index: call.index,
      id: call.id,
      name: call.name,
      arguments: call.arguments,
      pretty: call.parsedArguments.ok ? prettyJson(call.parsedArguments.value) : null,
      error: call.parsedArguments.ok ? null : call.parsedArguments.error,
    })),
  };
}
