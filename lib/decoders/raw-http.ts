// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const rawHttpDecoder: Decoder = {
  family: "raw-http",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
