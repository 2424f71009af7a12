import { isRecord } from "./fast-read";

/**
 * Content given as a list of parts, in a chat message or a stream delta. Mistral's reasoning
 * models send their thinking as `{type: "thinking", thinking: [{type: "text", text}]}` parts
 * beside `{type: "text", text}` parts; both are read, anything else is counted.
 */
export interface PartTexts {
  text: string;
  reasoning: string;
  /** Parts that are neither text nor thinking (images, audio, provider-specific). */
  others: number;
}

/** The text of a `thinking` value: a string, or a list of text parts. */
function thinkingText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (!Array.isArray(value)) return null;
  let text = "";
  for (const part of value) {
    if (typeof part === "string") text += part;
    else if (isRecord(part) && typeof part.text === "string") text += part.text;
    else return null;
  }
  return text;
}

export function partTexts(parts: readonly unknown[]): PartTexts {
  const out: PartTexts = { text: "", reasoning: "", others: 0 };
  for (const part of parts) {
    if (typeof part === "string") {
      out.text += part;
      continue;
    }
    if (!isRecord(part)) {
      out.others++;
      continue;
    }
    const thinking = part.type === "thinking" ? thinkingText(part.thinking) : null;
    if (thinking !== null) out.reasoning += thinking;
    else if (typeof part.text === "string" && (part.type === undefined || part.type === "text"))
      out.text += part.text;
    else out.others++;
  }
  return out;
}
