// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const toolInvocationDecoder: Decoder = {
  family: "tool-invocation",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
