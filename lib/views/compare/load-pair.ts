import type { DecodedSide } from "@/lib/diff/compare";
import { interactionSide, type SideFile } from "@/lib/diff/compare-files";
import { sideFile } from "@/lib/diff/load-side";
import { loadRootSource } from "@/lib/index/root-source";
import type { LoadedSource } from "@/lib/recording/load-source";
import { SourceError } from "@/lib/sources/side-source";
import type { RecordingIndex } from "@/lib/index/recording-index";

/**
 * One side of the compare page: usable, a source that cannot be read, or a broken recording.
 * `side` is the call compared: a llama-stack file's, or the asked (else the first) interaction of
 * a cassette; `file` the whole file, for the list of a cassette's interaction pairs.
 */
export type PageSide =
  | { status: "ok"; source: string; loaded: LoadedSource; file: SideFile; side: DecodedSide }
  | { status: "problem"; source: string; message: string }
  | { status: "broken"; source: string; loaded: LoadedSource };

async function loadSide(
  index: RecordingIndex,
  source: string,
  interaction: number | null,
): Promise<PageSide> {
  if (source === "") return { status: "problem", source, message: "no source given" };
  try {
    const loaded = await loadRootSource(index, source);
    const file = sideFile(loaded.text, loaded.decoded);
    const side = file ? interactionSide(file, interaction ?? 0) : null;
    if (!file || !side) {
      if (file && interaction !== null && interaction >= file.file.interactions.length) {
        return {
          status: "problem",
          source,
          message: `the file holds ${file.file.interactions.length} interactions; there is no interaction ${interaction}`,
        };
      }
      return { status: "broken", source, loaded };
    }
    return { status: "ok", source, loaded, file, side };
  } catch (error) {
    if (error instanceof SourceError) return { status: "problem", source, message: error.message };
    throw error;
  }
}

/** Loads both sides at once; a bad source or a broken file becomes that side's status, never a throw. */
export function loadPair(
  index: RecordingIndex,
  a: string,
  b: string,
  interactions: { ia: number | null; ib: number | null } = { ia: null, ib: null },
): Promise<[PageSide, PageSide]> {
  return Promise.all([loadSide(index, a, interactions.ia), loadSide(index, b, interactions.ib)]);
}
