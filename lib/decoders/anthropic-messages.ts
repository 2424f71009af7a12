// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const anthropicMessagesDecoder: Decoder = {
  family: "anthropic-messages",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
