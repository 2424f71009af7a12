import type { HeaderMap } from "@/lib/model/envelope";
import type {
  AssembledMessage,
  CallKind,
  ConversationMessage,
  ResponseInfo,
  ToolDefinition,
  Usage,
} from "@/lib/model/exchange";
import { parseAt } from "./decoder";
import { isRecord } from "./fast-read";
import { decodeMessageBody } from "./anthropic-messages";
import { anthropicConversation } from "./anthropic-request";
import { countsUsage, headerUsage } from "./bedrock-call";
import { converseConversation, converseResponse } from "./bedrock-converse";
import {
  ai21ResponseSchema,
  anthropicCompletionSchema,
  cohereEmbedSchema,
  cohereGenerateSchema,
  llamaResponseSchema,
  mistralOutputsSchema,
  novaEmbeddingSchema,
  titanEmbeddingSchema,
  titanTextResponseSchema,
} from "./bedrock-schemas";
import { l2Norm } from "./openai-embeddings";
import { omitKeys } from "./request-info";
import { inputMessages } from "./request-conversation";

/**
 * The Bedrock InvokeModel API (`/model/{id}/invoke`): the body is the hosted vendor's own JSON.
 * The vendor is told by the request's shape (the model id breaks ties): Anthropic Messages
 * (`anthropic_version: bedrock-2023-05-31`, read with the Anthropic helpers), Anthropic's legacy
 * completions, Amazon Nova (the Converse message shape), Titan Text, Titan / Nova / Cohere
 * embeddings, Cohere Command, Meta Llama, AI21 and Mistral text completions.
 */

export type InvokeVendor =
  | "anthropic-messages"
  | "anthropic-completion"
  | "nova"
  | "titan-text"
  | "titan-embed"
  | "nova-embed"
  | "cohere-embed"
  | "cohere-text"
  | "llama"
  | "ai21"
  | "mistral"
  | "unknown";

/**
 * The vendor whose body shape the request has. `reply` (the response body, when not a stream)
 * tells Titan Text from Titan Embeddings when the model id is an inference profile's ARN.
 */
export function invokeVendor(payload: unknown, modelId: string, reply: unknown = null): InvokeVendor {
  const body = isRecord(payload) ? payload : {};
  const model = modelId.toLowerCase();
  const has = (key: string) => key in body;
  if (has("anthropic_version") || (model.includes("anthropic.") && Array.isArray(body.messages)))
    return "anthropic-messages";
  if (has("max_tokens_to_sample")) return "anthropic-completion";
  if (Array.isArray(body.messages))
    return model.includes(".nova") || has("inferenceConfig") || has("schemaVersion") ? "nova" : "unknown";
  if (has("inputText")) {
    if (has("textGenerationConfig") || /titan-(text|tg)/.test(model)) return "titan-text";
    const embedding = model.includes("embed") || (isRecord(reply) && "embedding" in reply);
    return embedding ? "titan-embed" : "titan-text";
  }
  if (has("singleEmbeddingParams") || has("taskType")) return "nova-embed";
  if (has("texts") || has("input_type")) return "cohere-embed";
  if (has("max_gen_len") || model.includes("meta.llama")) return "llama";
  if (model.includes("cohere.command")) return "cohere-text";
  if (model.includes("ai21.") || has("maxTokens")) return "ai21";
  if (model.includes("mistral.")) return "mistral";
  if (model.includes("anthropic.") && has("prompt")) return "anthropic-completion";
  return "unknown";
}

export interface InvokeRequest {
  kind: CallKind;
  messages: ConversationMessage[];
  tools: ToolDefinition[];
  params: Record<string, unknown>;
}

/** The conversation of an InvokeModel body, read as its vendor writes it. */
export function invokeRequest(vendor: InvokeVendor, payload: unknown): InvokeRequest {
  const body = isRecord(payload) ? payload : {};
  const prompt = (key: string, kind: CallKind): InvokeRequest => ({
    kind,
    messages: inputMessages(body[key], key),
    tools: [],
    params: omitKeys(body, [key]),
  });
  switch (vendor) {
    case "anthropic-messages":
      return { kind: "messages", ...anthropicConversation(payload) };
    case "nova":
      return { kind: "chat", ...converseConversation(payload) };
    case "titan-text":
      return prompt("inputText", "completion");
    case "titan-embed":
      return prompt("inputText", "embeddings");
    case "cohere-embed":
      return prompt("texts", "embeddings");
    case "nova-embed":
      return { kind: "embeddings", messages: [], tools: [], params: body };
    case "anthropic-completion":
    case "cohere-text":
    case "llama":
    case "ai21":
    case "mistral":
      return prompt("prompt", "completion");
    case "unknown":
      return { kind: "http", messages: [], tools: [], params: body };
  }
}

/** One assembled choice of plain text. */
export function textChoice(index: number, content: string, finishReason: string | null): AssembledMessage {
  return { index, role: "assistant", content, reasoning: "", toolCalls: [], finishReason };
}

function message(
  choices: AssembledMessage[],
  usage: Usage | null,
  model: string | null = null,
): ResponseInfo {
  return { type: "message", streaming: false, chunks: [], choices, usage, model };
}

function embeddings(vectors: number[][], usage: Usage | null, notes: string[]): ResponseInfo {
  const dimension = vectors[0]?.length ?? 0;
  if (vectors.some((vector) => vector.length !== dimension)) {
    notes.push(
      `the vectors have different lengths: ${[...new Set(vectors.map((v) => v.length))].join(", ")}`,
    );
  }
  return {
    type: "embeddings",
    count: vectors.length,
    dimension,
    norms: vectors.map(l2Norm),
    first: vectors[0] ?? [],
    usage,
    model: null,
  };
}

/** Reads the body `body` (at `path`) of a successful InvokeModel reply of `vendor`. */
export function invokeResponse(
  vendor: InvokeVendor,
  body: unknown,
  path: string,
  headers: HeaderMap | undefined,
  notes: string[],
): ResponseInfo {
  // Bedrock also reports the counts in headers; they stand in when the body has none.
  const fallback = headerUsage(headers);
  switch (vendor) {
    case "anthropic-messages": {
      const response = decodeMessageBody(body, notes);
      return response.type === "message" && response.usage === null
        ? { ...response, usage: fallback }
        : response;
    }
    case "nova": {
      const response = converseResponse(body, path, notes);
      return response.type === "message" && response.usage === null
        ? { ...response, usage: fallback }
        : response;
    }
    case "anthropic-completion": {
      const parsed = parseAt(anthropicCompletionSchema, body, path);
      return message([textChoice(0, parsed.completion, parsed.stop_reason ?? null)], fallback);
    }
    case "titan-text": {
      const parsed = parseAt(titanTextResponseSchema, body, path);
      const output = parsed.results.reduce<number | null>(
        (sum, result) => (result.tokenCount == null ? sum : (sum ?? 0) + result.tokenCount),
        null,
      );
      const choices = parsed.results.map((result, i) =>
        textChoice(i, result.outputText, result.completionReason ?? null),
      );
      return message(choices, countsUsage(parsed.inputTextTokenCount ?? null, output, body) ?? fallback);
    }
    case "llama": {
      const parsed = parseAt(llamaResponseSchema, body, path);
      const usage = countsUsage(
        parsed.prompt_token_count ?? null,
        parsed.generation_token_count ?? null,
        body,
      );
      return message([textChoice(0, parsed.generation, parsed.stop_reason ?? null)], usage ?? fallback);
    }
    case "cohere-text": {
      const parsed = parseAt(cohereGenerateSchema, body, path);
      return message(
        parsed.generations.map((g, i) => textChoice(i, g.text, g.finish_reason ?? null)),
        fallback,
      );
    }
    case "ai21": {
      const parsed = parseAt(ai21ResponseSchema, body, path);
      const choices = parsed.completions.map((c, i) =>
        textChoice(i, c.data.text, c.finishReason?.reason ?? null),
      );
      return message(choices, fallback);
    }
    case "mistral": {
      const parsed = parseAt(mistralOutputsSchema, body, path);
      return message(
        parsed.outputs.map((o, i) => textChoice(i, o.text, o.stop_reason ?? null)),
        fallback,
      );
    }
    case "titan-embed": {
      const parsed = parseAt(titanEmbeddingSchema, body, path);
      return embeddings(
        [parsed.embedding],
        countsUsage(parsed.inputTextTokenCount ?? null, null, body) ?? fallback,
        notes,
      );
    }
    case "cohere-embed": {
      const { embeddings: vectors } = parseAt(cohereEmbedSchema, body, path);
      return embeddings(Array.isArray(vectors) ? vectors : vectors.float, fallback, notes);
    }
    case "nova-embed": {
      const parsed = parseAt(novaEmbeddingSchema, body, path);
      return embeddings(
        parsed.embeddings.map((entry) => entry.embedding),
        fallback,
        notes,
      );
    }
    case "unknown":
      notes.push("the InvokeModel body has a shape Tapedeck does not know; it is shown as recorded");
      return { type: "result", streaming: false, status: null, text: null, value: body };
  }
}
