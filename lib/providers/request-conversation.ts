import { z } from "zod";
import type { ContentPart, ConversationMessage } from "@/lib/model/exchange";
import { imagePart } from "./openai-messages";

/**
 * Conversations of inference request bodies that have no decoder-specific reader to borrow:
 * completion prompts, embedding inputs and Gemini `contents`. Tolerant: never throws.
 */

function message(role: string, parts: ContentPart[]): ConversationMessage {
  return { role, parts, name: null, toolCallId: null, toolCalls: [] };
}

function inputPart(entry: unknown, label: string): ContentPart {
  return typeof entry === "string" ? { type: "text", text: entry } : { type: "other", label, value: entry };
}

/**
 * A completion `prompt` or an embeddings `input` (a string, a list of strings, or token ids) as
 * one user message with one part per entry. A list of numbers (one tokenized input) is one part.
 */
export function inputMessages(value: unknown, label: string): ConversationMessage[] {
  if (value === undefined || value === null) return [];
  const isTokens = Array.isArray(value) && value.every((entry) => typeof entry === "number");
  const entries = Array.isArray(value) && !isTokens ? value : [value];
  if (entries.length === 0) return [];
  return [
    message(
      "user",
      entries.map((entry) => inputPart(entry, label)),
    ),
  ];
}

const blobSchema = z.looseObject({
  mime_type: z.string().optional(),
  mimeType: z.string().optional(),
  data: z.string().optional(),
  file_uri: z.string().optional(),
  fileUri: z.string().optional(),
});

const geminiPartSchema = z.looseObject({
  text: z.string().optional(),
  inline_data: blobSchema.optional(),
  inlineData: blobSchema.optional(),
  file_data: blobSchema.optional(),
  fileData: blobSchema.optional(),
});

const geminiContentSchema = z.looseObject({
  role: z.string().nullish(),
  parts: z.array(z.unknown()).nullish(),
});

function geminiPart(raw: unknown): ContentPart {
  if (typeof raw === "string") return { type: "text", text: raw };
  const parsed = geminiPartSchema.safeParse(raw);
  if (!parsed.success) return { type: "other", label: "part", value: raw };
  const part = parsed.data;
  if (part.text !== undefined) return { type: "text", text: part.text };
  const inline = part.inline_data ?? part.inlineData;
  if (inline?.data !== undefined) {
    const mediaType = inline.mime_type ?? inline.mimeType ?? null;
    return {
      type: "image",
      url: `data:${mediaType ?? "application/octet-stream"};base64,${inline.data}`,
      mediaType,
    };
  }
  const file = part.file_data ?? part.fileData;
  const uri = file?.file_uri ?? file?.fileUri;
  if (uri !== undefined) return imagePart(uri);
  const key = Object.keys(part)[0];
  return { type: "other", label: key ?? "part", value: raw };
}

function geminiTurn(raw: unknown): ConversationMessage {
  if (typeof raw === "string") return message("user", [{ type: "text", text: raw }]);
  const parsed = geminiContentSchema.safeParse(raw);
  if (!parsed.success) return message("user", [geminiPart(raw)]);
  const role = parsed.data.role === "model" ? "assistant" : (parsed.data.role ?? "user");
  return message(role, (parsed.data.parts ?? []).map(geminiPart));
}

/** Gemini `contents` (a string, a content, or a list of them) plus an optional system instruction. */
export function geminiMessages(contents: unknown, systemInstruction: unknown): ConversationMessage[] {
  const out: ConversationMessage[] = [];
  if (typeof systemInstruction === "string")
    out.push(message("system", [{ type: "text", text: systemInstruction }]));
  else if (systemInstruction !== undefined && systemInstruction !== null) {
    out.push({ ...geminiTurn(systemInstruction), role: "system" });
  }
  if (Array.isArray(contents)) out.push(...contents.map(geminiTurn));
  else if (contents !== undefined && contents !== null) out.push(geminiTurn(contents));
  return out;
}
