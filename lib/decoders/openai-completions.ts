// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const openaiCompletionsDecoder: Decoder = {
  family: "openai-completions",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
