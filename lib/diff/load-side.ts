import { decodeBytes, decodeText, type Decoded } from "@/lib/recording/decode";
import type { ReadLimits } from "@/lib/model/limits";
import type { DecodedSide } from "./compare";
import type { SideFile } from "./compare-files";
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

/** A file side from what `decodeBytes`/`readRecording` gave; null for a file that does not decode. */
export function sideFile(text: string | null, decoded: Decoded): SideFile | null {
  return decoded.ok ? { text, file: decoded.file, raw: decoded.raw } : null;
}

/**
 * A file side from a file's bytes (a git blob, a `.yaml.gz`), `path` naming the test when the
 * content does not; the decoded file beside it, for its failure's reason.
 */
export function sideFileFromBytes(
  bytes: Uint8Array,
  path: string,
  limits?: ReadLimits,
): { side: SideFile | null; decoded: Decoded } {
  const { text, decoded } = decodeBytes(bytes, path, limits);
  return { side: sideFile(text, decoded), decoded };
}
