/** Small OpenAI-compatible chat recordings for tests, as the recorder writes them. */

export interface ChatSpec {
  /** The pytest id; null leaves `test_id` out (recordings from before test ids). */
  testId: string | null;
  prompt: string;
  model?: string;
}

/** The request of a chat completion sent to Ollama's OpenAI-compatible endpoint. */
export function chatRequest(model: string, prompt: string, stream = false) {
  return {
    method: "POST",
    url: "http://localhost:11434/v1/v1/chat/completions",
    headers: {},
    body: { model, messages: [{ role: "user", content: prompt }], ...(stream ? { stream: true } : {}) },
    endpoint: "/v1/chat/completions",
    model,
  };
}

/** A non-streamed chat completion answering `reply`. */
export function chatRecording({ testId, prompt, model = "m" }: ChatSpec, reply: string): string {
  return JSON.stringify({
    ...(testId === null ? {} : { test_id: testId }),
    request: chatRequest(model, prompt),
    response: {
      body: {
        __type__: "openai.types.chat.chat_completion.ChatCompletion",
        __data__: {
          id: "rec-1",
          choices: [
            {
              finish_reason: "stop",
              index: 0,
              logprobs: null,
              message: { content: reply, role: "assistant" },
            },
          ],
          created: 0,
          model,
          object: "chat.completion",
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        },
      },
      is_streaming: false,
    },
  });
}

/** One streamed chunk adding `delta`. */
export function chatChunk(delta: object, finish: string | null = null, model = "m") {
  return {
    __type__: "openai.types.chat.chat_completion_chunk.ChatCompletionChunk",
    __data__: {
      id: "rec-2",
      choices: [{ delta, finish_reason: finish, index: 0 }],
      created: 0,
      model,
      object: "chat.completion.chunk",
    },
  };
}

/** A streamed chat completion whose chunks carry `pieces` of text. */
export function streamRecording({ testId, prompt, model = "m" }: ChatSpec, pieces: string[]): string {
  const chunks = pieces.map((content, i) =>
    chatChunk(
      i === 0 ? { role: "assistant", content } : { content },
      i === pieces.length - 1 ? "stop" : null,
      model,
    ),
  );
  return JSON.stringify({
    ...(testId === null ? {} : { test_id: testId }),
    request: chatRequest(model, prompt, true),
    response: { body: chunks, is_streaming: true },
  });
}

/** A chat completion that failed: the recorder's `is_exception` form, a 400 `BadRequestError`. */
export function exceptionRecording({ testId, prompt, model = "m" }: ChatSpec, message: string): string {
  return JSON.stringify({
    ...(testId === null ? {} : { test_id: testId }),
    request: chatRequest(model, prompt),
    response: {
      body: null,
      is_streaming: false,
      is_exception: true,
      exception_data: {
        category: "provider",
        provider: "openai",
        type: "BadRequestError",
        message,
        status_code: 400,
        body: null,
      },
    },
  });
}
