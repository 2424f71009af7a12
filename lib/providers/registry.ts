import type { Decoder } from "./decoder";
import { anthropicMessagesDecoder } from "./anthropic-messages";
import { bedrockDecoder } from "./bedrock";
import { cohereChatDecoder } from "./cohere-chat";
import { exceptionDecoder } from "./exception";
import { fileProcessorDecoder } from "./file-processor";
import { framesDecoder } from "./frames";
import { geminiDecoder } from "./gemini";
import { ollamaDecoder } from "./ollama";
import { openaiChatDecoder } from "./openai-chat";
import { openaiCompletionsDecoder } from "./openai-completions";
import { openaiEmbeddingsDecoder } from "./openai-embeddings";
import { openaiImagesDecoder } from "./openai-images";
import { openaiModelsDecoder } from "./openai-models";
import { openaiResponsesDecoder } from "./openai-responses";
import { rawHttpDecoder } from "./raw-http";
import { toolInvocationDecoder } from "./tool-invocation";

/**
 * The decoders, tried in order; the first that claims a file decodes it. Recorded exceptions
 * come first (their body is null whatever the call), raw HTTP last (it claims any status-carrying
 * response the specific families left). The generic fallback is not in this list: it takes
 * whatever none of these claims.
 */
export const DECODERS: readonly Decoder[] = [
  // WebSocket logs and gRPC samples: their body is a marked form no other decoder reads.
  framesDecoder,
  exceptionDecoder,
  toolInvocationDecoder,
  fileProcessorDecoder,
  // Before Anthropic: InvokeModel replies of Claude on Bedrock are Anthropic message bodies.
  bedrockDecoder,
  anthropicMessagesDecoder,
  openaiChatDecoder,
  openaiCompletionsDecoder,
  openaiEmbeddingsDecoder,
  openaiModelsDecoder,
  openaiResponsesDecoder,
  openaiImagesDecoder,
  ollamaDecoder,
  geminiDecoder,
  cohereChatDecoder,
  rawHttpDecoder,
];
