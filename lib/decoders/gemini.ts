// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const geminiDecoder: Decoder = {
  family: "gemini",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
