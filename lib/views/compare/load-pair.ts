import type { DecodedSide } from "@/lib/diff/compare";
import { loadRootSource } from "@/lib/index/root-source";
import type { LoadedSource } from "@/lib/recording/load-source";
import { SourceError } from "@/lib/sources/side-source";
import type { RecordingIndex } from "@/lib/index/recording-index";
import { firstExchange } from "@/lib/recording/first-exchange";

/** One side of the compare page: usable, a source that cannot be read, or a broken recording. */
export type PageSide =
  | { status: "ok"; source: string; loaded: LoadedSource; side: DecodedSide }
  | { status: "problem"; source: string; message: string }
  | { status: "broken"; source: string; loaded: LoadedSource };

async function loadSide(index: RecordingIndex, source: string): Promise<PageSide> {
  if (source === "") return { status: "problem", source, message: "no source given" };
  try {
    const loaded = await loadRootSource(index, source);
    const { decoded } = loaded;
    const exchange = firstExchange(decoded);
    if (!decoded.ok || !exchange) return { status: "broken", source, loaded };
    return { status: "ok", source, loaded, side: { text: loaded.text, raw: decoded.raw, exchange } };
  } catch (error) {
    if (error instanceof SourceError) return { status: "problem", source, message: error.message };
    throw error;
  }
}

/** Loads both sides at once; a bad source or a broken file becomes that side's status, never a throw. */
export function loadPair(index: RecordingIndex, a: string, b: string): Promise<[PageSide, PageSide]> {
  return Promise.all([loadSide(index, a), loadSide(index, b)]);
}
