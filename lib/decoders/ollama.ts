// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const ollamaDecoder: Decoder = {
  family: "ollama",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
