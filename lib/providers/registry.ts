import type { Decoder } from "./decoder";
import { anthropicMessagesDecoder } from "./anthropic-messages";
import { exceptionDecoder } from "./exception";
import { fileProcessorDecoder } from "./file-processor";
import { geminiDecoder } from "./gemini";
import { ollamaDecoder } from "./ollama";
import { openaiChatDecoder } from "./openai-chat";
import { openaiCompletionsDecoder } from "./openai-completions";
import { openaiEmbeddingsDecoder } from "./openai-embeddings";
import { openaiModelsDecoder } from "./openai-models";
import { rawHttpDecoder } from "./raw-http";
import { toolInvocationDecoder } from "./tool-invocation";

/**
 * The decoders, tried in order; the first that claims a file decodes it. Recorded exceptions
 * come first (their body is null whatever the call), raw HTTP last (it claims any status-carrying
 * response the specific families left). The generic fallback is not in this list: it takes
 * whatever none of these claims.
 */
export const DECODERS: readonly Decoder[] = [
  exceptionDecoder,
  toolInvocationDecoder,
  fileProcessorDecoder,
  anthropicMessagesDecoder,
  openaiChatDecoder,
  openaiCompletionsDecoder,
  openaiEmbeddingsDecoder,
  openaiModelsDecoder,
  ollamaDecoder,
  geminiDecoder,
  rawHttpDecoder,
];
