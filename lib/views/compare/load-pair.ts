import type { DecodedSide } from "@/lib/diff/compare";
import { interactionSide, type SideFile } from "@/lib/diff/compare-files";
import { sideFile } from "@/lib/diff/load-side";
import { loadRootSource } from "@/lib/index/root-source";
import type { LoadedSource } from "@/lib/recording/load-source";
import { SourceError } from "@/lib/sources/side-source";
import type { RecordingIndex } from "@/lib/index/recording-index";

/**
 * One side of the compare page: usable, a source that cannot be read, or a broken recording.
 * `file` is the whole file (for the list of a cassette's interaction pairs); `side` the call
 * compared: a llama-stack file's, or the asked (else the first) interaction of a cassette, null
 * for a cassette that holds none (its pairs are all added or removed: nothing to open).
 */
export type PageSide =
  | { status: "ok"; source: string; loaded: LoadedSource; file: SideFile; side: DecodedSide | null }
  | { status: "problem"; source: string; message: string }
  | { status: "broken"; source: string; loaded: LoadedSource };

/** The page's side for a loaded source, with the interaction asked for (null for the first). */
export function pageSide(source: string, loaded: LoadedSource, interaction: number | null): PageSide {
  const file = sideFile(loaded.text, loaded.decoded);
  if (!file) return { status: "broken", source, loaded };
  const side = interactionSide(file, interaction ?? 0);
  if (!side && interaction !== null) {
    const count = file.file.interactions.length;
    return {
      status: "problem",
      source,
      message: `the file holds ${count} interaction${count === 1 ? "" : "s"}; there is no interaction ${interaction}`,
    };
  }
  return { status: "ok", source, loaded, file, side };
}

async function loadSide(
  index: RecordingIndex,
  source: string,
  interaction: number | null,
): Promise<PageSide> {
  if (source === "") return { status: "problem", source, message: "no source given" };
  try {
    return pageSide(source, await loadRootSource(index, source), interaction);
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
