import type { Family } from "@/lib/model/exchange";
import type { RecordingFormat } from "@/lib/model/recording-file";

/** What one interaction of a sample must open as. */
export interface ExpectedInteraction {
  family: Family;
  /**
   * A call to no LLM API (an image download): any provider family is wrong, and either fallback
   * (`generic`, or `raw-http` while that family still takes cassette calls) is right.
   */
  nonLlm?: boolean;
  streaming: boolean;
  /** The reassembled reply (choice 0's content), when the reply is a message. */
  text?: string;
  /** The reasoning of choice 0, when the reply has some. */
  reasoning?: string;
  /** Choice 0's tool calls: name and the arguments string exactly. */
  toolCalls?: { name: string; arguments: string }[];
  /** An embeddings reply: how many vectors, of what dimension. */
  embeddings?: { count: number; dimension: number };
  /** An error reply: its status, and its type where the provider's error body names one. */
  error?: { type?: string; status: number };
}

/** One sample file the generator writes under `recordings/`. */
export interface Sample {
  /** Path under `recordings/`. */
  path: string;
  format: RecordingFormat;
  content: string | Uint8Array;
  interactions: ExpectedInteraction[];
}
