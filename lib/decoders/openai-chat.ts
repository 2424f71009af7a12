// TEMPORARY placeholder while the decoder is written; claims nothing.
import type { Decoder } from "./decoder";

export const openaiChatDecoder: Decoder = {
  family: "openai-chat",
  claims: () => false,
  decode: () => {
    throw new Error("not written yet");
  },
};
