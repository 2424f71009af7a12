import { parse as parseLossless } from "lossless-json";
import { requestHashes } from "../recorder-hash";

/**
 * A llama-stack chat recording as the recorder writes it (2-space JSON), named by its request's
 * hash as today's recorder names it; `body` is added to the request body (a planted credential).
 */
export function hashNamedRecording(body: Record<string, unknown>): { fileName: string; text: string } {
  const testId = "tests/integration/inference/test_openai_completion.py::test_chat[txt=openai/gpt-4o]";
  const recording = {
    test_id: testId,
    request: {
      method: "POST",
      url: "https://api.openai.com/v1/chat/completions",
      headers: {},
      body: { model: "gpt-4o", messages: [{ role: "user", content: "Say hi" }], temperature: 0.0, ...body },
      endpoint: "/v1/chat/completions",
      model: "gpt-4o",
    },
    response: {
      body: {
        __type__: "openai.types.chat.chat_completion.ChatCompletion",
        __data__: {
          id: "chatcmpl-1",
          choices: [
            {
              finish_reason: "stop",
              index: 0,
              message: { content: "Hi!", role: "assistant" },
              logprobs: null,
            },
          ],
          created: 1760000000,
          model: "gpt-4o",
          object: "chat.completion",
          usage: { completion_tokens: 2, prompt_tokens: 9, total_tokens: 11 },
        },
      },
      is_streaming: false,
    },
  };
  // JSON.stringify writes 0.0 as 0: the recorder writes it as Python does.
  const text = `${JSON.stringify(recording, null, 2).replace('"temperature": 0', '"temperature": 0.0')}\n`;
  const parsed: unknown = parseLossless(text);
  const request =
    typeof parsed === "object" && parsed !== null && "request" in parsed ? parsed.request : undefined;
  if (typeof request !== "object" || request === null || Array.isArray(request))
    throw new Error("no request");
  const hash = requestHashes({ test_id: testId, request: { ...request } }).current;
  return { fileName: `${hash}.json`, text };
}
