// TEMPORARY placeholder while the decoder is written.
import type { Decoder } from "./decoder";

export const genericDecoder: Decoder = {
  family: "generic",
  claims: () => true,
  decode: () => {
    throw new Error("not written yet");
  },
};
