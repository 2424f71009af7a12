import { decodeText, type Decoded } from "@/lib/recording/decode";
import type { DecodedSide } from "./compare";
import { firstExchange } from "@/lib/recording/first-exchange";

/** A decoded side from text; null when the text is not a recording that decodes. */
export function sideFromText(
  text: string,
): { side: DecodedSide; decoded: Decoded } | { side: null; decoded: Decoded } {
  const decoded = decodeText(text);
  const exchange = firstExchange(decoded);
  if (!decoded.ok || !exchange) return { side: null, decoded };
  return { side: { text, raw: decoded.raw, exchange }, decoded };
}
