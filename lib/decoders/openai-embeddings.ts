// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const openaiEmbeddingsDecoder: Decoder = {
  family: "openai-embeddings",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
