import { z } from "zod";
import {
  fileProcessorRequestSchema,
  inferenceRequestSchema,
  rawHttpRequestSchema,
  toolRequestSchema,
  type Envelope,
  type InferenceRequest,
} from "@/lib/model/envelope";
import type { CallKind, Provider, RequestInfo } from "@/lib/model/exchange";
import { SchemaMismatch } from "./decoder";
import { anthropicConversation } from "./anthropic-request";
import { interactionsConversation } from "./interactions-request";
import { ollamaRequestInfo } from "./ollama-request";
import { openaiMessages, openaiTools } from "./openai-messages";
import { nonEmpty, openaiRequest, testIdOf, type Conversation } from "./openai-request";
import { geminiMessages, inputMessages } from "./request-conversation";
import { omitKeys, requestBasics } from "./request-info";

/**
 * What the request alone says about an exchange: the kind of call, whose API, the model, the
 * conversation. For decoders whose response says little (recorded exceptions, raw HTTP, the
 * generic fallback). Never throws: what cannot be read is left out and said in `notes`.
 */
export interface RequestSummary {
  kind: CallKind;
  provider: Provider;
  providerDetail: string | null;
  model: string | null;
  testId: string | null;
  request: RequestInfo;
  notes: string[];
}

const EMPTY_REQUEST: RequestInfo = {
  method: null,
  url: null,
  endpoint: null,
  host: null,
  messages: [],
  tools: [],
  params: {},
  body: null,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Runs a reader that may throw `SchemaMismatch`; on mismatch returns `fallback` and notes why. */
function tolerant<T>(notes: string[], read: () => T, fallback: () => T, what: string): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof SchemaMismatch)) throw error;
    notes.push(`the ${what} could not be read (${error.message})`);
    return fallback();
  }
}

/** A tool invocation request `{provider, tool_name, kwargs}`. */
export function toolRequestSummary(
  envelope: Envelope,
  request: z.infer<typeof toolRequestSchema>,
): RequestSummary {
  return {
    kind: "tool-invocation",
    provider: "tool-runtime",
    providerDetail: nonEmpty(request.provider),
    model: null,
    testId: testIdOf(envelope),
    request: { ...EMPTY_REQUEST, endpoint: request.tool_name, params: request.kwargs, body: request.kwargs },
    notes: [],
  };
}

/** A file processor request `{provider, api, file_id}`. */
export function fileRequestSummary(
  envelope: Envelope,
  request: z.infer<typeof fileProcessorRequestSchema>,
): RequestSummary {
  return {
    kind: "file-processing",
    provider: "file-processor",
    providerDetail: nonEmpty(request.provider),
    model: null,
    testId: testIdOf(envelope),
    request: {
      ...EMPTY_REQUEST,
      endpoint: request.api,
      params: omitKeys(envelope.request, ["test_id", "provider", "api"]),
      body: envelope.request,
    },
    notes: [],
  };
}

/** A raw HTTP request `{url, method, payload}`: Anthropic messages, Gemini interactions, anything else. */
export function rawHttpRequestSummary(
  envelope: Envelope,
  raw: z.infer<typeof rawHttpRequestSchema>,
): RequestSummary {
  const basics = requestBasics(raw.method, raw.url, null);
  const payload = isRecord(raw.payload) ? raw.payload : {};
  const path = basics.endpoint ?? "";
  const base = {
    testId: testIdOf(envelope),
    model: nonEmpty(payload.model),
    providerDetail: basics.host,
    notes: [],
  };
  if (Array.isArray(payload.messages) && path.endsWith("/messages")) {
    const { messages, tools, params } = anthropicConversation(raw.payload);
    return {
      ...base,
      kind: "messages",
      provider: "anthropic",
      request: { ...basics, messages, tools, params, body: raw.payload },
    };
  }
  if (path.endsWith("/interactions") || basics.host === "generativelanguage.googleapis.com") {
    const { messages, tools, params } = interactionsConversation(raw.payload);
    return {
      ...base,
      kind: "http",
      provider: "gemini",
      request: { ...basics, messages, tools, params, body: raw.payload },
    };
  }
  const request = {
    ...basics,
    messages: [],
    tools: [],
    params: omitKeys(payload, ["model"]),
    body: raw.payload,
  };
  return { ...base, kind: "http", provider: "unknown", request };
}

/** Kind and provider of an inference request, from its body's shape (the path only to tell Ollama apart). */
function inferenceKind(request: InferenceRequest, path: string): { kind: CallKind; provider: Provider } {
  const body = isRecord(request.body) ? request.body : {};
  const ollama = path.startsWith("/api/");
  const gemini = request.url.startsWith("vertexai:") || "contents" in body;
  const provider: Provider = ollama ? "ollama" : gemini ? "gemini" : "openai-compatible";
  if (gemini) return { kind: "generate-content", provider };
  if (Array.isArray(body.messages)) return { kind: "chat", provider };
  if ("prompt" in body && !path.includes("embed")) return { kind: "completion", provider };
  if ("input" in body || path.includes("embed")) return { kind: "embeddings", provider };
  if (/\/(models|tags|ps)$/.test(path)) return { kind: "models", provider };
  return { kind: "http", provider: ollama ? "ollama" : "unknown" };
}

/** The body keys each kind's conversation is read from (left out of `params`). */
const CONVERSATION_KEYS: Partial<Record<CallKind, string[]>> = {
  chat: ["messages", "tools"],
  completion: ["prompt"],
  embeddings: ["input"],
  "generate-content": ["contents", "system_instruction"],
};

function inferenceConversation(kind: CallKind, body: Record<string, unknown>): Conversation {
  switch (kind) {
    case "chat":
      return {
        messages:
          body.messages === undefined || body.messages === null
            ? []
            : openaiMessages(body.messages, "request.body.messages"),
        tools:
          body.tools === undefined || body.tools === null
            ? []
            : openaiTools(body.tools, "request.body.tools"),
      };
    case "completion":
      return { messages: inputMessages(body.prompt, "prompt"), tools: [] };
    case "embeddings":
      return { messages: inputMessages(body.input, "input"), tools: [] };
    case "generate-content": {
      const config = isRecord(body.config) ? body.config : {};
      return {
        messages: geminiMessages(body.contents, body.system_instruction ?? config.system_instruction),
        tools: [],
      };
    }
    default:
      return { messages: [], tools: [] };
  }
}

/**
 * An inference request `{method, url, headers, body, endpoint, model}`, read as the decoder of its
 * family reads it (OpenAI and Ollama request readers are shared).
 */
export function inferenceRequestSummary(envelope: Envelope, raw: InferenceRequest): RequestSummary {
  const basics = requestBasics(raw.method, raw.url, raw.endpoint);
  const { kind, provider } = inferenceKind(raw, basics.endpoint ?? "");
  const body = isRecord(raw.body) ? raw.body : {};
  const notes: string[] = [];
  const model = nonEmpty(body.model) ?? nonEmpty(raw.model);
  const bare = (): RequestInfo => ({
    ...basics,
    messages: [],
    tools: [],
    params: omitKeys(body, ["model"]),
    body: raw.body,
  });
  const base = { kind, provider, model, testId: testIdOf(envelope), notes };
  if (provider === "ollama") {
    const request = tolerant(notes, () => ollamaRequestInfo(kind, raw).info, bare, "request body");
    return { ...base, providerDetail: basics.host, request };
  }
  const read = () => {
    const keys = CONVERSATION_KEYS[kind] ?? [];
    const { request, providerDetail } = openaiRequest(envelope, (b) => inferenceConversation(kind, b), keys);
    return { request, providerDetail };
  };
  const { request, providerDetail } = tolerant(
    notes,
    read,
    () => ({ request: bare(), providerDetail: basics.host }),
    "request conversation",
  );
  return { ...base, providerDetail, request };
}

/** Reads whatever request shape the envelope has. */
export function summarizeRequest(envelope: Envelope): RequestSummary {
  const request = envelope.request;
  // Cheap key checks first: a failed zod parse costs more than the whole decode.
  if ("tool_name" in request) {
    const tool = toolRequestSchema.safeParse(request);
    if (tool.success) return toolRequestSummary(envelope, tool.data);
  }
  if ("file_id" in request) {
    const file = fileProcessorRequestSchema.safeParse(request);
    if (file.success) return fileRequestSummary(envelope, file.data);
  }
  if ("payload" in request) {
    const raw = rawHttpRequestSchema.safeParse(request);
    if (raw.success) return rawHttpRequestSummary(envelope, raw.data);
  }
  if ("url" in request) {
    const inference = inferenceRequestSchema.safeParse(request);
    if (inference.success) return inferenceRequestSummary(envelope, inference.data);
  }
  return {
    kind: "http",
    provider: "unknown",
    providerDetail: null,
    model: nonEmpty(request.model),
    testId: testIdOf(envelope),
    request: { ...EMPTY_REQUEST, body: request },
    notes: [
      "the request has none of the known shapes (inference, raw HTTP, tool invocation, file processor)",
    ],
  };
}
