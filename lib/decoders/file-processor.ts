// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const fileProcessorDecoder: Decoder = {
  family: "file-processor",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
