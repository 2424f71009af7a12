// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const openaiModelsDecoder: Decoder = {
  family: "openai-models",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
