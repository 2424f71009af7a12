import type { Exchange } from "@/lib/model/exchange";
import type { RecordingFile } from "@/lib/model/recording-file";
import type { Decoded } from "./decode";

/**
 * The exchange of a file read as one call: a llama-stack recording's only one, a cassette's first.
 * Comparisons of single calls use it; null for a broken file or a cassette with no interaction.
 */
export function firstExchange(decoded: Decoded | RecordingFile): Exchange | null {
  const file = "interactions" in decoded ? decoded : decoded.ok ? decoded.file : null;
  return file?.interactions[0]?.exchange ?? null;
}
