import type { AssembledMessage, Exchange, RecordedError, Usage } from "@/lib/model/exchange";
import type { HttpHeader, Interaction, RecordingFile } from "@/lib/model/recording-file";

export interface MessageJson {
  role: string;
  content: string;
  reasoning: string;
  tool_calls: { id: string | null; name: string | null; arguments: string }[];
  finish_reason: string | null;
}

export interface UsageJson {
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  reasoning_tokens: number | null;
}

/** The JSON form of a decoded exchange that `tapedeck show --json` prints and the API serves. */
export interface ExchangeJson {
  family: Exchange["family"];
  kind: Exchange["kind"];
  provider: Exchange["provider"];
  provider_detail: string | null;
  model: string | null;
  test_id: string | null;
  response_type: string | null;
  streaming: boolean;
  chunks: number;
  message: MessageJson | null;
  choices: MessageJson[];
  usage: UsageJson | null;
  error: { type: string; status: number | null; message: string } | null;
  request: Exchange["request"];
  response: Exchange["response"];
  notes: string[];
}

export function messageJson(message: AssembledMessage): MessageJson {
  return {
    role: message.role,
    content: message.content,
    reasoning: message.reasoning,
    tool_calls: message.toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })),
    finish_reason: message.finishReason,
  };
}

export function usageJson(usage: Usage | null): UsageJson | null {
  if (!usage) return null;
  return {
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    total_tokens: usage.totalTokens,
    reasoning_tokens: usage.reasoningTokens,
  };
}

function errorJson(error: RecordedError): ExchangeJson["error"] {
  return { type: error.type, status: error.status, message: error.message };
}

/** Whether the response was streamed (a list of chunks or SSE lines). */
export function isStreaming(exchange: Exchange): boolean {
  const response = exchange.response;
  return (response.type === "message" || response.type === "result") && response.streaming;
}

export function exchangeJson(exchange: Exchange): ExchangeJson {
  const response = exchange.response;
  const choices = response.type === "message" ? response.choices.map(messageJson) : [];
  const usage = response.type === "message" || response.type === "embeddings" ? response.usage : null;
  return {
    family: exchange.family,
    kind: exchange.kind,
    provider: exchange.provider,
    provider_detail: exchange.providerDetail,
    model: exchange.model,
    test_id: exchange.testId,
    response_type: exchange.responseType,
    streaming: isStreaming(exchange),
    chunks: response.type === "message" ? response.chunks.length : 0,
    message: choices[0] ?? null,
    choices,
    usage: usageJson(usage),
    error: response.type === "error" ? errorJson(response.error) : null,
    request: exchange.request,
    response,
    notes: exchange.notes,
  };
}

/** One interaction of a cassette as `show --json` prints it: the exchange, plus what HTTP adds. */
export interface InteractionJson extends ExchangeJson {
  index: number;
  status: number | null;
  method: string | null;
  url: string | null;
  host: string | null;
  request_headers: HttpHeader[];
  response_headers: HttpHeader[];
  /** Recorder metadata (durations, recording times, HAR timings). */
  recorded: Record<string, unknown>;
  /** Why the interaction could not be read fully, or null. */
  problem: string | null;
}

export function interactionJson(interaction: Interaction): InteractionJson {
  const { exchange, http } = interaction;
  const response = exchange.response;
  const status =
    http?.status ??
    (response.type === "result" ? response.status : response.type === "error" ? response.error.status : null);
  return {
    index: interaction.index,
    ...exchangeJson(exchange),
    status,
    method: http?.method ?? exchange.request.method,
    url: http?.url ?? exchange.request.url,
    host: http?.host ?? exchange.request.host,
    request_headers: http?.requestHeaders ?? [],
    response_headers: http?.responseHeaders ?? [],
    recorded: http?.meta ?? {},
    problem: interaction.problem,
  };
}

/** A cassette as `show --json` prints it, whatever its number of interactions. */
export function cassetteJson(file: RecordingFile): {
  format: RecordingFile["format"];
  test: string | null;
  notes: string[];
  interactions: InteractionJson[];
} {
  return {
    format: file.format,
    test: file.test,
    notes: file.notes,
    interactions: file.interactions.map(interactionJson),
  };
}
