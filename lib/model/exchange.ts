/**
 * The provider-neutral model of one recorded exchange. Every decoder produces an `Exchange`;
 * every page, diff and review reads only this (plus `raw`, the JSON as it was on disk).
 */

/** Which decoder claimed the file. `generic` is the fallback that claims anything. */
export const FAMILIES = [
  "openai-chat",
  "openai-responses",
  "openai-completions",
  "openai-embeddings",
  "openai-models",
  "openai-images",
  "ollama",
  "anthropic-messages",
  "gemini",
  "cohere-chat",
  "bedrock",
  "tool-invocation",
  "file-processor",
  "exception",
  "raw-http",
  "generic",
] as const;
export type Family = (typeof FAMILIES)[number];

/** What kind of call was made. */
export const CALL_KINDS = [
  "chat",
  "completion",
  "embeddings",
  "models",
  "tool-invocation",
  "file-processing",
  "messages",
  "generate-content",
  "responses",
  "images",
  /** A WebSocket log or gRPC samples: a list of frames, not one HTTP exchange. */
  "frames",
  "http",
] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** Whose API the call spoke (by shape, not by who served it). */
export const PROVIDERS = [
  "openai-compatible",
  "ollama",
  "anthropic",
  "gemini",
  "cohere",
  "bedrock",
  "tool-runtime",
  "file-processor",
  "unknown",
] as const;
export type Provider = (typeof PROVIDERS)[number];

export type Role = "system" | "developer" | "user" | "assistant" | "tool" | (string & {});

export type ContentPart =
  | { type: "text"; text: string }
  /** An image given as an http(s) URL, a data URL, or bare base64 (Ollama `images`). */
  | { type: "image"; url: string; mediaType: string | null }
  /** Anything else (audio, files, provider-specific parts): kept as recorded. */
  | { type: "other"; label: string; value: unknown };

export interface ToolCall {
  id: string | null;
  name: string | null;
  /** The arguments as a JSON string, exactly as sent or joined from fragments. */
  arguments: string;
}

export interface ConversationMessage {
  role: Role;
  parts: ContentPart[];
  name: string | null;
  /** For tool results: the call they answer. */
  toolCallId: string | null;
  /** For assistant turns that called tools. */
  toolCalls: ToolCall[];
}

export interface ToolDefinition {
  name: string;
  description: string | null;
  /** JSON schema of the parameters, as recorded. */
  parameters: unknown;
}

export interface RequestInfo {
  method: string | null;
  url: string | null;
  /** The URL path the recorder matches on (or the recorded `endpoint`). */
  endpoint: string | null;
  /** Host (or scheme for `vertexai:///`) the call went to; noise for comparisons. */
  host: string | null;
  messages: ConversationMessage[];
  tools: ToolDefinition[];
  /** Every other request parameter (temperature, max_tokens, stream, ...), as recorded. */
  params: Record<string, unknown>;
  /** The request body / payload / kwargs exactly as recorded. */
  body: unknown;
}

export interface Usage {
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
  reasoningTokens: number | null;
  /** The provider's usage object as recorded. */
  raw: unknown;
}

/** A half-open character range [start, end) in a string of the reassembled message. */
export interface CharRange {
  start: number;
  end: number;
}

/** One thing a stream chunk adds to the message being rebuilt. */
export type ChunkDelta =
  | { type: "role"; choice: number; role: Role }
  | { type: "text"; choice: number; text: string; range: CharRange }
  | { type: "reasoning"; choice: number; text: string; range: CharRange }
  | {
      type: "tool-call";
      choice: number;
      /** Position of the tool call within the choice (OpenAI `index`, Anthropic block order). */
      toolIndex: number;
      id: string | null;
      name: string | null;
      /** The argument fragment and where it lands in that tool call's joined arguments. */
      arguments: string;
      range: CharRange;
    }
  | { type: "finish"; choice: number; reason: string }
  | { type: "usage"; usage: Usage }
  | { type: "logprobs"; choice: number; count: number }
  /** Events that add nothing to the message (message_start, ping, block boundaries, metadata). */
  | { type: "event"; label: string };

export interface Chunk {
  index: number;
  deltas: ChunkDelta[];
  /** The chunk as recorded. */
  raw: unknown;
}

export interface AssembledToolCall extends ToolCall {
  index: number;
  /** The argument fragments in arrival order; `arguments` is their concatenation. */
  fragments: string[];
  /** `arguments` parsed as JSON when it is valid JSON. */
  parsedArguments: { ok: true; value: unknown } | { ok: false; error: string };
}

export interface AssembledMessage {
  /** The choice index (0 unless the provider returned several). */
  index: number;
  role: Role;
  content: string;
  reasoning: string;
  toolCalls: AssembledToolCall[];
  finishReason: string | null;
}

export interface RecordedError {
  /** Exception class or error type, e.g. `BadRequestError`, `invalid_request_error`. */
  type: string;
  status: number | null;
  message: string;
  /** The provider's error body as recorded. */
  body: unknown;
}

export interface ModelEntry {
  id: string;
  ownedBy: string | null;
  details: Record<string, unknown>;
}

export type ResponseInfo =
  | {
      type: "message";
      streaming: boolean;
      /** Empty for a non-stream. */
      chunks: Chunk[];
      /** Every choice, in index order; never empty. */
      choices: AssembledMessage[];
      usage: Usage | null;
      /** The model that answered, when the response says so. */
      model: string | null;
    }
  | {
      type: "embeddings";
      count: number;
      dimension: number;
      norms: number[];
      /** The first vector (for a small picture), possibly truncated by nothing: as recorded. */
      first: number[];
      usage: Usage | null;
      model: string | null;
    }
  | { type: "models"; models: ModelEntry[] }
  /** Tool invocations, file processors, Ollama admin calls and plain HTTP bodies. */
  | { type: "result"; streaming: boolean; status: number | null; text: string | null; value: unknown }
  | { type: "error"; error: RecordedError }
  /** Generic fallback: nothing understood. */
  | { type: "unknown"; value: unknown };

export interface Exchange {
  family: Family;
  kind: CallKind;
  provider: Provider;
  /** Finer provider label when known: `vertexai`, `tavily`, `pypdf`, a host name. */
  providerDetail: string | null;
  model: string | null;
  testId: string | null;
  /** The `__type__` of the response body (first one for a list), when there is one. */
  responseType: string | null;
  request: RequestInfo;
  response: ResponseInfo;
  /** Things a reader should know: unknown types, why the generic decoder was used, oddities. */
  notes: string[];
}
