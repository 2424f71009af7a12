import { eventStream, ndjson, padding, sseText, typedEvents } from "./bodies";

/**
 * Streamed replies of each wire API, built from the text pieces they deliver, with the events and
 * fields the real services send around them (invented ids, fixed times).
 */

export interface Tokens {
  input: number;
  output: number;
}

/** OpenAI chat completions: `chat.completion.chunk` events, a usage chunk, then `[DONE]`. */
export function openaiChatStream(options: {
  id: string;
  created: number;
  model: string;
  fingerprint: string;
  pieces: readonly string[];
  tokens: Tokens;
}): string {
  const { id, created, model, fingerprint, pieces, tokens } = options;
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created,
      model,
      service_tier: "default",
      system_fingerprint: fingerprint,
      choices,
      ...extra,
    });
  const data = [
    chunk([
      {
        index: 0,
        delta: { role: "assistant", content: "", refusal: null },
        logprobs: null,
        finish_reason: null,
      },
    ]),
    ...pieces.map((piece) =>
      chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]),
    ),
    chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: "stop" }]),
    chunk([], {
      usage: {
        prompt_tokens: tokens.input,
        completion_tokens: tokens.output,
        total_tokens: tokens.input + tokens.output,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
    }),
    "[DONE]",
  ];
  return sseText(data.map((line) => ({ data: line })));
}

/** Anthropic Messages: message_start, a thinking block (optional), a text block, message_delta, message_stop. */
export function anthropicStream(options: {
  id: string;
  model: string;
  thinking: readonly string[];
  signature: string;
  pieces: readonly string[];
  tokens: Tokens;
}): string {
  const { id, model, thinking, signature, pieces, tokens } = options;
  const events: { type: string; [key: string]: unknown }[] = [
    {
      type: "message_start",
      message: {
        model,
        id,
        type: "message",
        role: "assistant",
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: tokens.input,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
          output_tokens: 1,
          service_tier: "standard",
        },
      },
    },
  ];
  let block = 0;
  if (thinking.length > 0) {
    events.push({
      type: "content_block_start",
      index: block,
      content_block: { type: "thinking", thinking: "", signature: "" },
    });
    for (const piece of thinking) {
      events.push({
        type: "content_block_delta",
        index: block,
        delta: { type: "thinking_delta", thinking: piece },
      });
    }
    events.push({ type: "content_block_delta", index: block, delta: { type: "signature_delta", signature } });
    events.push({ type: "content_block_stop", index: block });
    block++;
  }
  events.push({ type: "content_block_start", index: block, content_block: { type: "text", text: "" } });
  events.push({ type: "ping" });
  for (const piece of pieces) {
    events.push({ type: "content_block_delta", index: block, delta: { type: "text_delta", text: piece } });
  }
  events.push({ type: "content_block_stop", index: block });
  events.push({
    type: "message_delta",
    delta: { stop_reason: "end_turn", stop_sequence: null },
    usage: {
      input_tokens: tokens.input,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: tokens.output,
    },
  });
  events.push({ type: "message_stop" });
  return sseText(typedEvents(events));
}

/** OpenAI Responses: created, in_progress, one message item built from deltas, completed. */
export function responsesStream(options: {
  responseId: string;
  messageId: string;
  created: number;
  model: string;
  input: unknown;
  pieces: readonly string[];
  tokens: Tokens;
}): string {
  const { responseId, messageId, created, model, pieces, tokens } = options;
  const text = pieces.join("");
  const response = (status: string, output: unknown[], usage: unknown) => ({
    id: responseId,
    object: "response",
    created_at: created,
    status,
    background: false,
    completed_at: status === "completed" ? created + 2 : null,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: true,
    temperature: 1.0,
    text: { format: { type: "text" }, verbosity: "medium" },
    tool_choice: "auto",
    tools: [],
    top_p: 1.0,
    truncation: "disabled",
    usage,
    user: null,
    metadata: {},
  });
  const part = (value: string) => ({ type: "output_text", annotations: [], logprobs: [], text: value });
  const item = (status: string, content: unknown[]) => ({
    id: messageId,
    type: "message",
    status,
    content,
    role: "assistant",
  });
  let sequence = 0;
  const events: { type: string; [key: string]: unknown }[] = [
    { type: "response.created", response: response("in_progress", [], null) },
    { type: "response.in_progress", response: response("in_progress", [], null) },
    { type: "response.output_item.added", item: item("in_progress", []), output_index: 0 },
    {
      type: "response.content_part.added",
      content_index: 0,
      item_id: messageId,
      output_index: 0,
      part: part(""),
    },
    ...pieces.map((delta) => ({
      type: "response.output_text.delta",
      content_index: 0,
      delta,
      item_id: messageId,
      logprobs: [],
      output_index: 0,
    })),
    {
      type: "response.output_text.done",
      content_index: 0,
      item_id: messageId,
      logprobs: [],
      output_index: 0,
      text,
    },
    {
      type: "response.content_part.done",
      content_index: 0,
      item_id: messageId,
      output_index: 0,
      part: part(text),
    },
    { type: "response.output_item.done", item: item("completed", [part(text)]), output_index: 0 },
    {
      type: "response.completed",
      response: response("completed", [item("completed", [part(text)])], {
        input_tokens: tokens.input,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: tokens.output,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: tokens.input + tokens.output,
      }),
    },
  ];
  return sseText(typedEvents(events.map((event) => ({ ...event, sequence_number: sequence++ }))));
}

/** Gemini `streamGenerateContent?alt=sse`: one candidate per event, CRLF line ends. */
export function geminiSse(options: {
  model: string;
  responseId: string;
  pieces: readonly string[];
  tokens: Tokens & { thoughts: number };
}): string {
  const { model, responseId, pieces, tokens } = options;
  const last = pieces.length - 1;
  const events = pieces.map((text, index) => {
    const usage =
      index === last
        ? {
            promptTokenCount: tokens.input,
            candidatesTokenCount: tokens.output,
            totalTokenCount: tokens.input + tokens.output + tokens.thoughts,
            promptTokensDetails: [{ modality: "TEXT", tokenCount: tokens.input }],
            thoughtsTokenCount: tokens.thoughts,
          }
        : {
            promptTokenCount: tokens.input,
            totalTokenCount: tokens.input + tokens.thoughts,
            promptTokensDetails: [{ modality: "TEXT", tokenCount: tokens.input }],
            thoughtsTokenCount: tokens.thoughts,
          };
    const candidate = {
      content: { parts: [{ text }], role: "model" },
      ...(index === last ? { finishReason: "STOP" } : {}),
      index: 0,
    };
    return {
      data: JSON.stringify({
        candidates: [candidate],
        usageMetadata: usage,
        modelVersion: model,
        responseId,
      }),
    };
  });
  return sseText(events, "\r\n");
}

/** Cohere v2 chat: message-start, content-start/delta/end, message-end, then `[DONE]`. */
export function cohereStream(options: { id: string; pieces: readonly string[]; tokens: Tokens }): string {
  const { id, pieces, tokens } = options;
  const events = typedEvents([
    {
      id,
      type: "message-start",
      delta: { message: { role: "assistant", content: [], tool_plan: "", tool_calls: [], citations: [] } },
    },
    { type: "content-start", index: 0, delta: { message: { content: { type: "text", text: "" } } } },
    ...pieces.map((text) => ({ type: "content-delta", index: 0, delta: { message: { content: { text } } } })),
    { type: "content-end", index: 0 },
    {
      type: "message-end",
      delta: {
        finish_reason: "COMPLETE",
        usage: {
          billed_units: { input_tokens: tokens.input, output_tokens: tokens.output },
          tokens: { input_tokens: tokens.input + 496, output_tokens: tokens.output + 2 },
          cached_tokens: 0,
        },
      },
    },
  ]);
  return sseText([...events, { data: "[DONE]" }]);
}

/** An ISO time with microseconds, as Go formats Ollama's `created_at`. */
function isoMicros(micros: number): string {
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, -1)}${String(micros % 1000).padStart(3, "0")}Z`;
}

/** Ollama `/api/chat` with `stream: true`: one JSON line per piece, then the `done` line. */
export function ollamaStream(options: {
  model: string;
  /** When the first piece came, in microseconds since the epoch; the next follow ~10 ms apart. */
  startedAtMicros: number;
  pieces: readonly string[];
  tokens: Tokens;
}): string {
  const { model, startedAtMicros, pieces, tokens } = options;
  const at = (index: number) => isoMicros(startedAtMicros + index * 10_417);
  return ndjson([
    ...pieces.map((content, index) => ({
      model,
      created_at: at(index),
      message: { role: "assistant", content },
      done: false,
    })),
    {
      model,
      created_at: at(pieces.length),
      message: { role: "assistant", content: "" },
      done: true,
      done_reason: "stop",
      total_duration: 1843226917,
      load_duration: 1201573208,
      prompt_eval_count: tokens.input,
      prompt_eval_duration: 98412000,
      eval_count: tokens.output,
      eval_duration: 529876000,
    },
  ]);
}

/** Bedrock ConverseStream: messageStart, text deltas, contentBlockStop, messageStop, metadata. */
export function bedrockConverseStream(options: {
  pieces: readonly string[];
  tokens: Tokens;
  latencyMs: number;
}): Uint8Array {
  const { pieces, tokens, latencyMs } = options;
  // The padding lengths vary per event, as the service's do.
  const p = (n: number) => padding(5 + ((n * 7) % 23));
  return eventStream([
    { type: "messageStart", payload: { p: p(0), role: "assistant" } },
    ...pieces.map((text, index) => ({
      type: "contentBlockDelta",
      payload: { contentBlockIndex: 0, delta: { text }, p: p(index + 1) },
    })),
    { type: "contentBlockStop", payload: { contentBlockIndex: 0, p: p(pieces.length + 1) } },
    { type: "messageStop", payload: { p: p(pieces.length + 2), stopReason: "end_turn" } },
    {
      type: "metadata",
      payload: {
        metrics: { latencyMs },
        p: p(pieces.length + 3),
        usage: {
          inputTokens: tokens.input,
          outputTokens: tokens.output,
          totalTokens: tokens.input + tokens.output,
        },
      },
    },
  ]);
}
